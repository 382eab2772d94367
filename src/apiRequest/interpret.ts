import type { Bundle, ZObject } from 'zapier-platform-core';
import type { FieldDef } from '../fields/field';
import { isBlank } from '../fields/field';
import { dateTime, phone as phoneNumber, stringList } from '../fields/values';
import { parsePhone } from '../phone';
import { interpretInput } from '../typedInput';
import { WALL_CLOCK_HELP } from '../wallClock';
import type { GenDetail, GenField } from './types';

// API Request's typed inputs read as every other step's are (src/typedInput.ts): phones as people write them made
// E.164 in the sub-account's country, and date-times without an offset read in the sub-account's zone.
//
// Date-times: the spec marks them (`format: date-time`, GenField `t: 'datetime'`). Phones: the specs have no phone
// format; they mark a phone in words only, so a phone input is a text field whose name says number or phone
// (`phone`, `phoneNo`, `toNumber`, `additionalPhoneNumbers`...) and whose own description says phone or SMS, or
// a free-text field of any name whose description says it *is* a phone number ("Phone number of the receiver":
// conversations' `call.to`/`call.from`). `invoiceNumber`, `trackingNumber` and cheque numbers are not phones:
// their descriptions say otherwise; neither are a phone number's id, type, pattern or pool, nor a choice list.

/** A description that opens by saying the field is a phone number (not a number's id, type, pattern or pool). */
const IS_A_PHONE_NUMBER = /^(the |a )?phone number\b(?!\s*(id|ids|sid|type|types|pattern|pool)\b)/i;

/** Whether a generated field is a phone number by the spec's own name and description (see above). */
export function isPhoneField(field: Pick<GenField, 'k' | 't' | 'h' | 'ch' | 'p' | 'c'>): boolean {
  if (field.ch || field.t !== 'string') return false;
  const name = field.p?.length ? field.p[field.p.length - 1] : field.k;
  if (/(phone|phoneNo|phones|numbers?)$/i.test(name) && /\b(phone|sms)\b/i.test(field.h)) return true;
  return !field.c && !/(id|ids|sid)$/i.test(name) && IS_A_PHONE_NUMBER.test(field.h.trim());
}

/**
 * The country field a phone field's national numbers are read in: its sibling `country` (or `countryCode`) in the
 * same place and object (`body_country` for `body_phone`, `body_address_country` for `body_address_phone`), if the
 * operation has one. Its value counts only when it is a two-letter code (phone.ts).
 */
export function countryFieldOf(fields: GenField[], phone: GenField): GenField | undefined {
  const parent = phone.p.slice(0, -1).join('.');
  const siblings = fields.filter((f) => f.in === phone.in && f.p.length === phone.p.length && f.p.slice(0, -1).join('.') === parent);
  return siblings.find((f) => f.p[f.p.length - 1] === 'country') ?? siblings.find((f) => f.p[f.p.length - 1] === 'countryCode');
}

/** An example in the spec's help text the app would refuse (`+1410039940`: too short to be a possible number). */
const refusedExample = (example: string): boolean => !parsePhone(example);

/**
 * The help text of a generated phone field: the spec's description, without an example the app would refuse
 * (read with no country), and what the app does with the number written.
 */
export function phoneHelp(help: string, country?: GenField): string {
  const example = /\s*Example: (.+)$/.exec(help);
  const kept = example && refusedExample(example[1]) ? help.slice(0, example.index) : help;
  const region = country
    ? `the ${country.l} field's two-letter country if filled, else the sub-account's country`
    : "the sub-account's country";
  return (
    `${kept} Any spelling is accepted, e.g. (555) 010-0199, +44 20 7946 0958, tel:+15550100199 or URL-encoded %2B15550100199; ` +
    `sent as E.164 (+15550100199), a number without a country code read in ${region}.`
  );
}

/** Whether a generated field takes a date-time that may be written without an offset. */
export const isDateTimeField = (field: Pick<GenField, 't' | 'ch'>): boolean => !field.ch && field.t === 'datetime';

/** The help text of a generated date-time field: the spec's, and which zone a value without an offset is read in. */
export const dateTimeHelp = (help: string): string => `${help} ${WALL_CLOCK_HELP}`;

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
  // A phone's own record names its country (a new sub-account's `country`, an address's): that decides its
  // national numbers before the sub-account's, as a declared step's `country` does (phone.ts).
  const countries: Record<string, unknown> = {};
  for (const field of detail.fields) {
    const raw = input[field.k];
    if (isBlank(raw)) continue;
    const phone = isPhoneField(field);
    if (!phone && !isDateTimeField(field)) continue;
    const list = !!field.li;
    if (phone) {
      // The declared fields' own schemas (their marks tell phone.ts and wallClock.ts what to read; the spec checks values).
      fields.push({ key: field.k, label: field.l, helpText: '', schema: list ? stringList(phoneNumber()) : phoneNumber() });
      const country = countryFieldOf(detail.fields, field);
      if (country) countries[field.k] = input[country.k];
    } else if (!list) fields.push({ key: field.k, label: field.l, helpText: '', schema: dateTime() });
    else continue;
    const items = Array.isArray(raw) ? raw : list && typeof raw === 'string' ? raw.split(',') : [raw];
    const texts = items.filter((v) => !isBlank(v)).map((v) => (typeof v === 'string' ? v.trim() : v));
    values[field.k] = list ? texts : texts[0];
  }
  if (!fields.length) return { input, extensions: {} };
  const typed = await interpretInput(z, bundle, label, fields, values, countries);
  return { input: { ...input, ...typed.input }, extensions: typed.extensions };
}
