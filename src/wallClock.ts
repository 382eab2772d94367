import type { Bundle, ZObject } from 'zapier-platform-core';
import { subAccountFacts } from './subAccount';
import { isLocalDateTime, pickTimeZone, toEpochMs } from './time';
import { DATETIME_SCHEMA } from './fields/values';

/**
 * Wall-clock date-times (no offset) are read in the most specific zone that applies: the calendar's (appointment
 * inputs, src/fields/appointment.ts), else the sub-account's (the location's `timezone`), else the zap's
 * (`bundle.meta.timezone`), else UTC. This module does it for every other date-time input (fields whose schema
 * is `v.dateTime()`): task due dates, scheduled messages, publish dates, workflow event times...
 */

/** The sentence every date-time input's help text ends with (field.ts adds it). */
export const WALL_CLOCK_HELP =
  "Without an offset (e.g. 2026-12-01 09:00) it is read in your sub-account's time zone, else your zap's, else UTC.";

export const isDateTimeSchema = (schema: unknown): boolean => !!(schema as { [DATETIME_SCHEMA]?: boolean } | undefined)?.[DATETIME_SCHEMA];

/** The zone for wall-clock inputs without a calendar: the location's, else the zap's, else UTC. */
export async function wallClockZone(z: ZObject, bundle: Bundle, ...moreSpecific: unknown[]): Promise<string> {
  const zap = (bundle.meta as Record<string, unknown> | undefined)?.timezone;
  const specific = pickTimeZone(...moreSpecific);
  if (specific !== 'UTC' || moreSpecific.some((c) => c === 'UTC')) return specific;
  return pickTimeZone((await subAccountFacts(z, bundle)).timezone, zap);
}

/**
 * The validated input with every wall-clock value of a date-time field as an ISO-8601 UTC instant, read in
 * wallClockZone(). The location is read only when some value has no offset.
 */
export async function resolveWallClockInputs(
  z: ZObject,
  bundle: Bundle,
  fields: Array<{ key: string; schema: unknown }>,
  input: Record<string, any>,
): Promise<Record<string, any>> {
  const keys = fields.filter((f) => isDateTimeSchema(f.schema) && isLocalDateTime(input[f.key])).map((f) => f.key);
  if (!keys.length) return input;
  const zone = await wallClockZone(z, bundle);
  const out = { ...input };
  for (const key of keys) out[key] = new Date(toEpochMs(input[key], zone)!).toISOString();
  return out;
}
