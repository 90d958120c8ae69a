import { quoted } from './text';

/** Salesforce Email fields hold at most 80 characters. */
const EMAIL_MAX_LENGTH = 80;

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** What is wrong with a contact email address, or undefined when it is acceptable. */
export function emailProblem(email: string): string | undefined {
  if (email.length > EMAIL_MAX_LENGTH) return `is ${email.length} characters long; the limit is ${EMAIL_MAX_LENGTH}`;
  if (!EMAIL.test(email)) return `${quoted(email)} is not an email address`;
  return undefined;
}
