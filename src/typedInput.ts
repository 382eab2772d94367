import type { Bundle, ZObject } from 'zapier-platform-core';
import { describeIssues, parseInput } from './fields/field';
import type { FieldDef } from './fields/field';
import { normalisePhones } from './phone';
import { resolveWallClockInputs } from './wallClock';

/**
 * What every typed input goes through, whether its fields are declared (an operation's) or read at run time (a
 * location's custom fields, a custom object's properties): phone numbers as written become E.164 in the
 * sub-account's country (src/phone.ts), and date-times without an offset are read in the sub-account's zone
 * (src/wallClock.ts). One place, so a field of a new data type or a new dynamic source cannot skip either.
 */

/** The interpreted input, and the phone extensions written (by input key: HighLevel has no field for them). */
export interface TypedInput {
  input: Record<string, any>;
  extensions: Record<string, string>;
}

/**
 * Already validated input (parseInput's `data`) with its phone and date-time fields interpreted. Reads the location
 * (once per connection, cached) only when a phone is national (and its record names no two-letter country: the
 * input's `country`, or by phone key `countries`) or a date-time has no offset. Throws InvalidInput naming the
 * field (never its value) for a phone that is not a possible number.
 */
export async function interpretInput(
  z: ZObject,
  bundle: Bundle,
  label: string,
  fields: FieldDef[],
  data: Record<string, any>,
  countries?: Record<string, unknown>,
): Promise<TypedInput> {
  const phones = await normalisePhones(z, bundle, label, fields, data, countries);
  return { input: await resolveWallClockInputs(z, bundle, fields, phones.input), extensions: phones.extensions };
}

/**
 * Validates the filled inputs among `values` against `fields` (blanks are absent), then interprets them
 * (interpretInput). Throws InvalidInput naming every bad field, e.g. `"Budget" (customField__abc) must be a number`.
 */
export async function readTypedInput(
  z: ZObject,
  bundle: Bundle,
  label: string,
  fields: FieldDef[],
  values: Record<string, unknown>,
): Promise<TypedInput> {
  const parsed = parseInput(fields, values);
  if (!parsed.ok) throw new z.errors.Error(`${label}: invalid input. ${describeIssues(parsed.issues)}.`, 'InvalidInput', 400);
  return interpretInput(z, bundle, label, fields, parsed.data);
}
