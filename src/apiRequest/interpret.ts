import type { Bundle, ZObject } from 'zapier-platform-core';
import type { FieldDef } from '../fields/field';
import { isBlank } from '../fields/field';
import { PHONE_SCHEMA } from '../phone';
import { interpretInput } from '../typedInput';
import { WALL_CLOCK_HELP } from '../wallClock';
import type { GenDetail, GenField } from './types';

// API Request's typed inputs read as every other step's are (src/typedInput.ts): phones as people write them made
// E.164 in the sub-account's country, and date-times without an offset read in the sub-account's zone.
//
// Date-times: the spec marks them (`format: date-time`, GenField `t: 'datetime'`). Phones: the specs have no phone
// format; they mark a phone in words only, so a phone input is a text field whose name says number or phone
// (`phone`, `phoneNo`, `toNumber`, `additionalPhoneNumbers`...) and whose own description says phone or SMS.
// `invoiceNumber`, `trackingNumber` and cheque numbers are not phones: their descriptions say otherwise.

const DATETIME_SCHEMA = Symbol.for('ghl-zapier.datetime');

/** Whether a generated field is a phone number by the spec's own name and description (see above). */
export function isPhoneField(field: Pick<GenField, 'k' | 't' | 'h' | 'ch' | 'p'>): boolean {
  const name = field.p?.length ? field.p[field.p.length - 1] : field.k;
  return !field.ch && field.t === 'string' && /(phone|phoneNo|phones|numbers?)$/i.test(name) && /\b(phone|sms)\b/i.test(field.h);
}

/** Whether a generated field takes a date-time that may be written without an offset. */
export const isDateTimeField = (field: Pick<GenField, 't' | 'ch'>): boolean => !field.ch && field.t === 'datetime';

/** The help text of a generated date-time field: the spec's, and which zone a value without an offset is read in. */
export const dateTimeHelp = (help: string): string => `${help} ${WALL_CLOCK_HELP}`;

/** A schema stand-in that only carries the marks phone.ts and wallClock.ts look for (the spec checks the value). */
const marked = (mark: symbol, value: unknown) => Object.assign(() => undefined, { [mark]: value });

/**
 * The step's input with the operation's phone and date-time fields interpreted (other keys as they are), and the
 * phone extensions written, by field key. Throws InvalidInput naming the field for a phone that is not a possible
 * number.
 */
export async function interpretGenerated(
  z: ZObject,
  bundle: Bundle,
  label: string,
  detail: GenDetail,
  input: Record<string, unknown>,
): Promise<{ input: Record<string, unknown>; extensions: Record<string, string> }> {
  const fields: FieldDef[] = [];
  const values: Record<string, unknown> = {};
  for (const field of detail.fields) {
    const raw = input[field.k];
    if (isBlank(raw)) continue;
    const phone = isPhoneField(field);
    if (!phone && !isDateTimeField(field)) continue;
    const list = !!field.li;
    if (phone) fields.push({ key: field.k, label: field.l, helpText: '', schema: marked(PHONE_SCHEMA, list ? 'list' : 'one') as any });
    else if (!list) fields.push({ key: field.k, label: field.l, helpText: '', schema: marked(DATETIME_SCHEMA, true) as any });
    else continue;
    const items = Array.isArray(raw) ? raw : list && typeof raw === 'string' ? raw.split(',') : [raw];
    const texts = items.filter((v) => !isBlank(v)).map((v) => (typeof v === 'string' ? v.trim() : v));
    values[field.k] = list ? texts : texts[0];
  }
  if (!fields.length) return { input, extensions: {} };
  const typed = await interpretInput(z, bundle, label, fields, values);
  return { input: { ...input, ...typed.input }, extensions: typed.extensions };
}
