/**
 * A Metadata API schema as data: each complex type is its element sequence, in the
 * order the WSDL declares it (which is also the order a retrieve writes).
 * The renderer walks these sequences; nothing else decides element order.
 */

/** The value type of one element. */
export type ElementType =
  | { kind: 'string' }
  | { kind: 'boolean' }
  | { kind: 'int' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'complex'; type: string };

/** One element of a complex type's sequence. */
export interface ElementSpec {
  readonly name: string;
  readonly type: ElementType;
  /** maxOccurs="unbounded": written as one element per value, kept together. */
  readonly repeated?: boolean;
  /** No minOccurs="0" in the WSDL. */
  readonly required?: boolean;
  /** The first API version whose WSDL has the element; older renderings leave it out. */
  readonly minApi?: number;
  /** The last API version whose WSDL has the element; newer renderings leave it out. */
  readonly maxApi?: number;
  /** Salesforce's value when the element is absent (booleans the Setup page defaults). */
  readonly defaultValue?: boolean | string;
}

/** Complex types by name; `root` names the document element's type. */
export interface MetadataSchema {
  readonly root: string;
  readonly types: Readonly<Record<string, readonly ElementSpec[]>>;
  /**
   * By type, elements newer than the newest WSDL this tool knows, seen in real retrieves but not
   * yet documented, with the first API version that can hold them: refused by name on import.
   */
  readonly newerElements?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** Shorthands that keep the schema tables one line per element. */
export const t = {
  string: { kind: 'string' } as ElementType,
  boolean: { kind: 'boolean' } as ElementType,
  int: { kind: 'int' } as ElementType,
  enumOf: (values: readonly string[]): ElementType => ({ kind: 'enum', values }),
  complex: (type: string): ElementType => ({ kind: 'complex', type }),
};

/** True when the element exists in the WSDL of `apiVersion`. */
export function existsAt(spec: ElementSpec, apiVersion: number): boolean {
  return (spec.minApi === undefined || spec.minApi <= apiVersion) && (spec.maxApi === undefined || spec.maxApi >= apiVersion);
}
