import type { ZObject } from 'zapier-platform-core';
import type { FieldDef } from './fields/field';
import * as v from './fields/values';
import { parsePhone } from './phone';

/**
 * No silent loss on writes: after a create, update or upsert, the values the user filled in are compared with
 * the record HighLevel answered with. A value not stored as sent (HighLevel matched another contact by email and
 * kept that contact's phone, a duplicate rule dropped a field...) is named in the output, `unsavedFields` plus a
 * readable `warning`, or halts the step when the user chose so. Values never appear in the message, only fields.
 */

/** How two values are compared: phones as E.164, emails case-insensitively, tags as sets, ids exactly. */
export type Comparable = 'phone' | 'email' | 'tags' | 'text' | 'number' | 'id';

/** A create declaration's comparable fields: input key → how it is compared (the answer's record has the same key). */
export type UnsavedCheck = Record<string, Comparable>;

export const UNSAVED_POLICY_KEY = 'ifNotSaved';

/** The input every checked write gets: continue (report) or halt. */
export const unsavedPolicyField: FieldDef = {
  key: UNSAVED_POLICY_KEY,
  label: 'If HighLevel Did Not Save a Value',
  helpText:
    "When HighLevel's answer shows that a value you filled in was not stored as sent (e.g. it matched an existing contact by email and kept " +
    'that contact\'s phone): "Continue" succeeds and names the fields in Unsaved Fields and Warning; "Halt" stops the step instead.',
  schema: v.oneOf(['continue', 'halt']),
  choices: { continue: 'Continue and report it', halt: 'Halt the step' },
  default: 'continue',
};

const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
const lower = (value: unknown) => String(value).trim().toLowerCase();

function phoneOf(value: unknown): string {
  const text = String(value);
  return parsePhone(text)?.e164 ?? text.replace(/[^\d+]/g, '');
}

/** Whether HighLevel stored `sent` as `stored` (missing phones and emails count as not stored). */
export function storedAsSent(kind: Comparable, sent: unknown, stored: unknown, present: boolean): boolean {
  if (!present) return kind !== 'phone' && kind !== 'email'; // answers that leave other fields out say nothing about them
  if (blank(stored)) return false;
  switch (kind) {
    case 'phone':
      return phoneOf(sent) === phoneOf(stored);
    case 'email':
      return lower(sent) === lower(stored);
    case 'tags': {
      // HighLevel keeps tags lowercased and adds to the ones a contact had: every sent tag must be there.
      const have = new Set((Array.isArray(stored) ? stored : String(stored).split(',')).map(lower));
      return (Array.isArray(sent) ? sent : [sent]).every((t) => have.has(lower(t)));
    }
    case 'number':
      return Number(sent) === Number(stored);
    case 'id':
      return String(sent).trim() === String(stored).trim();
    default:
      return lower(sent) === lower(stored);
  }
}

/**
 * Values a write composes at run time (a custom object's typed properties), compared like declared ones: what was
 * sent and what HighLevel's answer holds, by input key (a key missing from `stored`: the answer says nothing).
 */
export interface ComposedValues {
  check: UnsavedCheck;
  sent: Record<string, unknown>;
  stored: Record<string, unknown>;
  labels: Record<string, string>;
}

/** Where a write's result carries its ComposedValues to the create factory (never into the step's output). */
export const COMPOSED_VALUES = Symbol.for('ghl-zapier.composedValues');

/** The result with the composed values the factory compares (createAction with `unsaved`). */
export function withComposedValues<T extends object>(result: T, composed: ComposedValues): T {
  return { ...result, [COMPOSED_VALUES]: composed };
}

/** The keys of the filled-in comparable inputs HighLevel's record does not hold as sent. */
export function unsavedKeys(check: UnsavedCheck, input: Record<string, any>, record: Record<string, any>): string[] {
  return Object.entries(check)
    .filter(([key]) => !blank(input[key]) && !(Array.isArray(input[key]) && !input[key].length))
    .filter(
      ([key, kind]) =>
        !storedAsSent(kind, input[key], record?.[key], !!record && key in record) && !asAdditionalEmail(kind, input[key], record),
    )
    .map(([key]) => key);
}

/** An email kept among the contact's `additionalEmails` (strings or `{ email }`) is stored, though not as primary. */
function asAdditionalEmail(kind: Comparable, sent: unknown, record: Record<string, any>): boolean {
  if (kind !== 'email' || !Array.isArray(record?.additionalEmails)) return false;
  return record.additionalEmails.some(
    (e: unknown) => lower(typeof e === 'object' && e ? (e as { email?: unknown }).email : e) === lower(sent),
  );
}

/**
 * The step's output with `unsavedFields` (always, empty when all was stored) and, when some are, a `warning`;
 * throws HaltedError instead when the policy is "halt". `record` is HighLevel's answer (default: the output).
 */
export function reportUnsaved(
  z: ZObject,
  label: string,
  fields: FieldDef[],
  check: UnsavedCheck,
  policy: unknown,
  input: Record<string, any>,
  output: Record<string, any>,
): Record<string, any> {
  const { [COMPOSED_VALUES]: composed, ...plain } = output as Record<string, any> & { [COMPOSED_VALUES]?: ComposedValues };
  output = plain;
  const keys = [...unsavedKeys(check, input, output), ...(composed ? unsavedKeys(composed.check, composed.sent, composed.stored) : [])];
  // Always both keys, so a zap can map them (or filter on them) whether or not something went unsaved.
  if (!keys.length) return { ...output, unsavedFields: [], warning: output.warning ?? '' };
  const labels = new Map([...fields.map((f) => [f.key, f.label] as const), ...Object.entries(composed?.labels ?? {})]);
  const named = keys.map((k) => `${labels.get(k) ?? k} (${k})`).join(', ');
  const id = output?.id ? ` ${output.id}` : '';
  const warning =
    `HighLevel did not store these values as sent: ${named}. Its record${id} keeps other values for them` +
    ' (for example, it matched an existing record by another field, or a duplicate setting kept the old value). Check the record in HighLevel.';
  if (policy === 'halt') throw new z.errors.HaltedError(`${label}: ${warning}`);
  return { ...output, unsavedFields: keys, warning: output.warning ? `${output.warning} ${warning}` : warning };
}
