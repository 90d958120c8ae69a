/** Text rules shared by the checks: characters an XML file cannot hold, and user values quoted in messages. */

/** Characters XML 1.0 forbids, and UTF-16 halves without their pair (they cannot be written as UTF-8). */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const codePoint = (character: string): string => `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** C0 and C1 control characters and DEL: what a one-line text shown to people (a label) cannot hold. */
const CONTROL_CHARACTER = /[\u0000-\u001F\u007F-\u009F]/;

/**
 * What stops `text` from being a label, or undefined: a control character (ESC and the like would
 * act on the terminal of whoever lists the app; Setup's name box takes one line of text).
 */
export function controlCharacterProblem(text: string): string | undefined {
  const found = CONTROL_CHARACTER.exec(text);
  return found ? `holds the control character ${codePoint(found[0])}, which a label cannot show` : undefined;
}

/** Longest part of a value a message quotes. */
const QUOTE_LIMIT = 60;

/** What stops `text` from going into a metadata file, or undefined when nothing does. */
export function xmlCharacterProblem(text: string): string | undefined {
  const found = NOT_XML.exec(text);
  return found ? `contains ${codePoint(found[0])} at position ${found.index + 1}, a character an XML file cannot hold` : undefined;
}

/** `text` on one line: line breaks, control characters and unpaired surrogates written as escapes. */
export function oneLine(text: string): string {
  return text.replace(
    /[\u0000-\u001F\u007F\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (character) =>
      ({ '\n': '\\n', '\r': '\\r', '\t': '\\t' })[character] ?? `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}

/** A user's value as a message quotes it: in single quotes, on one line, cut at 60 characters. */
export function quoted(value: unknown): string {
  const text = String(value);
  return `'${oneLine(text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text)}'`;
}
