import type { Bundle, ZObject } from 'zapier-platform-core';
import type * as Lib from 'libphonenumber-js';
import { subAccountFacts } from './subAccount';
import { PHONE_SCHEMA } from './fields/values';

/**
 * Phone numbers as people and other apps write them ("+1 555-010-0199 ext. 12", "(+44) 20 7946 0958",
 * "tel:+15550100199", national numbers...), made E.164 with libphonenumber-js (loaded on first use: the cold
 * start must not grow). A national number is read in the sub-account's country (the location's `country`,
 * read once and cached). Only what cannot be a *possible* number is rejected: fictional numbers such as
 * 555-01xx are possible but not "valid", and must not be dropped over the stricter check.
 */

let lib: typeof Lib | undefined;
const phoneLib = (): typeof Lib => (lib ??= require('libphonenumber-js') as typeof Lib);

/** A phone number made E.164, with the extension it was written with (HighLevel has no field for it). */
export interface NormalisedPhone {
  e164: string;
  extension?: string;
}

/**
 * The text a parser can read: URL-encoded text decoded, no-break, thin and other Unicode spaces and dashes made
 * plain, a `tel:` prefix dropped, and the international prefix 00 (most countries') written as `+`.
 */
export function cleanPhone(raw: string): string {
  let text = raw.trim();
  // URL-encoded (`%2B1423164516`, `+1%20555…`): HighLevel's own docs tell people to write Get Duplicate Contact's
  // number so, and other apps hand over query strings. Where the plus itself is encoded, a bare `+` is a
  // form-encoded space. What is not a valid escape stays as written (the parser then decides).
  if (/%[0-9a-f]{2}/i.test(text)) {
    try {
      text = decodeURIComponent(/%2b/i.test(text) ? text.replace(/\+/g, ' ') : text);
    } catch {
      // a lone `%`: not URL-encoded after all
    }
  }
  text = text
    .normalize('NFKC') // full-width digits, compatibility spaces
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .trim();
  text = text.replace(/^tel:/i, '').trim();
  text = text.replace(/^\(\s*(\+\d{1,3})\s*\)/, '$1'); // "(+44) 20 …"
  if (/^00[1-9]/.test(text.replace(/[\s.()-]/g, ''))) text = text.replace(/^[\s.()-]*0\s*0\s*/, '+');
  return text;
}

/** Whether the number carries its country (else the default region decides it). */
export function isInternational(raw: string): boolean {
  return cleanPhone(raw).startsWith('+');
}

/** E.164 and extension, or undefined when libphonenumber cannot read a possible number (in `region` if national). */
export function parsePhone(raw: string, region?: string): NormalisedPhone | undefined {
  const text = cleanPhone(raw);
  if (!/\d/.test(text)) return undefined;
  const country = region && /^[A-Z]{2}$/.test(region.toUpperCase()) ? (region.toUpperCase() as Lib.CountryCode) : undefined;
  const parsed = phoneLib().parsePhoneNumberFromString(text, country ? { defaultCountry: country } : undefined);
  if (!parsed || !parsed.isPossible()) return undefined;
  return { e164: parsed.number, ...(parsed.ext ? { extension: parsed.ext } : {}) };
}

/** The sub-account's country (ISO 3166 alpha-2), the default region of national numbers; undefined when unknown. */
export async function locationCountry(z: ZObject, bundle: Bundle): Promise<string | undefined> {
  return (await subAccountFacts(z, bundle)).country || undefined;
}

/** A field schema marked as a phone number (values.ts `phone()`), so every phone input is normalised in one place. */
type Marked = { [PHONE_SCHEMA]?: 'one' | 'list' };

/** Which fields hold phone numbers: `one` (a number) or `list` (a list of numbers). */
export function phoneFields(
  fields: Array<{ key: string; label: string; schema: unknown }>,
): Array<{ key: string; label: string; kind: 'one' | 'list' }> {
  return fields.flatMap((f) => {
    const kind = (f.schema as Marked | undefined)?.[PHONE_SCHEMA];
    return kind ? [{ key: f.key, label: f.label, kind }] : [];
  });
}

/** A two-letter country code (upper case), or '' when `value` is not one. */
const twoLetter = (value: unknown): string =>
  typeof value === 'string' && /^[A-Za-z]{2}$/.test(value.trim()) ? value.trim().toUpperCase() : '';

/**
 * The validated input with every phone field made E.164 (a list field, each item): a national number in its
 * record's own two-letter country if it has one, else the location's country (read only then). The record's
 * country is the input's `country`, or, by phone field key, `countries` (API Request: the phone's sibling
 * `country` in the same body object). Returns the extensions written (by field key), which HighLevel has no field
 * for and the step reports. Throws InvalidInput naming the field (never the number) for what is not a possible
 * number.
 */
export async function normalisePhones(
  z: ZObject,
  bundle: Bundle,
  label: string,
  fields: Array<{ key: string; label: string; schema: unknown }>,
  input: Record<string, any>,
  countries?: Record<string, unknown>,
): Promise<{ input: Record<string, any>; extensions: Record<string, string> }> {
  const phones = phoneFields(fields).filter((f) => input[f.key] !== undefined);
  if (!phones.length) return { input, extensions: {} };
  // A record's own two-letter country (a contact's, a business's, a new sub-account's) decides its national
  // numbers before the sub-account's: the most specific region that applies, as for time zones.
  const own = (key: string) => twoLetter(countries ? countries[key] : input.country);
  const values = (f: { key: string; kind: 'one' | 'list' }) => (f.kind === 'list' ? (input[f.key] as string[]) : [input[f.key] as string]);
  const needsLocation = phones.some((f) => !own(f.key) && values(f).some((v) => !isInternational(String(v))));
  const located = needsLocation ? await locationCountry(z, bundle) : undefined;
  const out = { ...input };
  const extensions: Record<string, string> = {};
  const bad = new Map<string, string[]>(); // where it was read → the fields
  for (const field of phones) {
    const region = own(field.key) || located;
    const one = (raw: string) => {
      const parsed = parsePhone(String(raw), region);
      if (!parsed) {
        const where = !region
          ? "without a country code, and this sub-account's country is not known"
          : `neither with a country code nor as a number of ${own(field.key) ? "the record's own country" : "this sub-account's country"} (${region})`;
        bad.set(where, [...(bad.get(where) ?? []), `${field.label} (${field.key})`]);
      } else if (parsed.extension && field.kind === 'one') extensions[field.key] = parsed.extension;
      return parsed?.e164;
    };
    out[field.key] = field.kind === 'list' ? (input[field.key] as string[]).map(one) : one(input[field.key]);
  }
  if (bad.size) {
    const what = [...bad].map(([where, names]) => `${names.join(', ')} cannot be read as a phone number (${where})`);
    throw new z.errors.Error(
      `${label}: invalid input. ${what.join('; ')}. Write it with its country code, e.g. +1 555 010 0199 or +44 20 7946 0958.`,
      'InvalidInput',
      400,
    );
  }
  return { input: out, extensions };
}
