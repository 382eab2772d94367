// Time zones with Luxon (loaded on first use), which reads the zone rules from the ICU data Node ships with.
//
// A date-time a zap sends is either an INSTANT (it has `Z` or an offset such as `-05:00`, or is epoch
// milliseconds) and is kept as that instant, or a LOCAL wall-clock time (no offset) that only becomes an instant
// once a time zone is chosen. Local times that a zone skips or repeats are resolved like Temporal's
// "compatible" disambiguation:
// - a time in a spring-forward GAP (e.g. 02:30 on 2026-03-08 in America/New_York) does not exist; it is moved
//   forward by the length of the gap (→ 03:30 EDT), which is what a person setting a clock would do;
// - a time in a fall-back OVERLAP (e.g. 01:30 on 2026-11-01 in New York happens twice) takes the EARLIER of the
//   two instants (01:30 EDT, -04:00).

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export type ParsedDateTime = { kind: 'instant'; epochMs: number } | { kind: 'local'; local: LocalDateTime };

type LuxonLib = typeof import('luxon');
let luxonLib: LuxonLib | undefined;
/** Luxon, required on first use: the cold start (test/core/cold-start.test.ts) must not pay for it. */
const luxon = (): LuxonLib => (luxonLib ??= require('luxon') as LuxonLib);

/** True for an IANA zone name this runtime knows (e.g. `Europe/Berlin`, `UTC`). */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || !timeZone.trim()) return false;
  return luxon().IANAZone.isValidZone(timeZone.trim()) || timeZone.trim().toUpperCase() === 'UTC';
}

/** The first of the candidates that is a valid IANA zone, else `UTC`. */
export function pickTimeZone(...candidates: unknown[]): string {
  for (const c of candidates) if (isValidTimeZone(c)) return c.trim();
  return 'UTC';
}

const inZone = (epochMs: number, timeZone: string) => luxon().DateTime.fromMillis(epochMs, { zone: timeZone });

/** The wall-clock time in `timeZone` at an instant. */
export function localAt(epochMs: number, timeZone: string): LocalDateTime {
  const d = inZone(epochMs, timeZone);
  return { year: d.year, month: d.month, day: d.day, hour: d.hour, minute: d.minute, second: d.second, millisecond: d.millisecond };
}

/** A wall-clock time read as if it were UTC: the arithmetic base for offsets. */
function localAsUtc(l: LocalDateTime): number {
  const d = new Date(0);
  d.setUTCFullYear(l.year, l.month - 1, l.day);
  d.setUTCHours(l.hour, l.minute, l.second, l.millisecond);
  return d.getTime();
}

/** The zone's offset from UTC at an instant, in minutes (e.g. -300 for New York in winter, 330 for Kolkata). */
export function offsetMinutes(epochMs: number, timeZone: string): number {
  return inZone(epochMs, timeZone).offset;
}

/**
 * The instant of a wall-clock time in a zone, as Temporal's "compatible": a time in a spring-forward gap is moved
 * forward by the gap (Luxon's own reading), a time in a fall-back overlap is the earlier instant (Luxon takes the
 * later one, so the earlier is looked for with the offset in force a day before).
 */
export function zonedToEpoch(local: LocalDateTime, timeZone: string): number {
  const read = luxon().DateTime.fromObject(local, { zone: timeZone }).toMillis();
  const wanted = localAsUtc(local);
  const earlier = wanted - offsetMinutes(wanted - DAY, timeZone) * MINUTE;
  return earlier < read && localAsUtc(localAt(earlier, timeZone)) === wanted ? earlier : read;
}

const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Reads a date-time a zap sends: ISO-8601 (`2026-03-08T02:30`, `2026-03-08 14:00:00`, `…Z`, `…-05:00`), a bare
 * date (midnight, local), or epoch milliseconds. Anything else is `undefined`.
 */
export function parseDateTime(value: unknown): ParsedDateTime | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'instant', epochMs: value };
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (/^\d{12,14}$/.test(s)) return { kind: 'instant', epochMs: Number(s) };
  const m = ISO_LIKE.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '0', zone] = m;
  const local: LocalDateTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(sec),
    millisecond: Number(frac.padEnd(3, '0').slice(0, 3)),
  };
  if (local.month < 1 || local.month > 12 || local.day < 1 || local.hour > 23 || local.minute > 59 || local.second > 59) return undefined;
  const asUtc = localAsUtc(local);
  // Reject dates that roll over (2026-02-30).
  if (new Date(asUtc).getUTCDate() !== local.day) return undefined;
  if (!zone) return { kind: 'local', local };
  if (zone === 'Z' || zone === 'z') return { kind: 'instant', epochMs: asUtc };
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
  return { kind: 'instant', epochMs: asUtc - offset * MINUTE };
}

/** The instant a zap's date-time means: kept if it is one, else read in `timeZone`. */
export function toEpochMs(value: unknown, timeZone: string): number | undefined {
  const parsed = parseDateTime(value);
  if (!parsed) return undefined;
  return parsed.kind === 'instant' ? parsed.epochMs : zonedToEpoch(parsed.local, timeZone);
}

/** True when the value is a date-time without an offset (its meaning depends on a time zone). */
export function isLocalDateTime(value: unknown): boolean {
  return parseDateTime(value)?.kind === 'local';
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** `+05:30`, `-04:00`, `+00:00`. */
export function formatOffset(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** ISO-8601 with the zone's offset at that instant, to the second (milliseconds when there are any): `2026-03-08T03:30:00-04:00`. */
export function formatInZone(epochMs: number, timeZone: string): string {
  const d = inZone(epochMs, timeZone);
  return d.toISO({ suppressMilliseconds: true, includeOffset: true })!.replace(/Z$/, '+00:00');
}

/** A date-time from HighLevel (ISO with or without offset, or epoch ms) as ISO with offset in `timeZone`. */
export function isoInZone(value: unknown, timeZone: string): unknown {
  const parsed = parseDateTime(value);
  if (!parsed) return value;
  // HighLevel's own date-times without an offset are UTC.
  const epoch = parsed.kind === 'instant' ? parsed.epochMs : localAsUtc(parsed.local);
  return formatInZone(epoch, timeZone);
}

/** A readable label for a time span, e.g. `Tue, Mar 10, 2026, 9:00 AM – 9:30 AM EDT`. */
export function describeSpan(startMs: number, endMs: number | undefined, timeZone: string): string {
  const opts: Intl.DateTimeFormatOptions = {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  };
  const start = new Intl.DateTimeFormat('en-US', opts).format(new Date(startMs));
  const zoneName = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(new Date(startMs))
    .find((p) => p.type === 'timeZoneName')?.value;
  if (endMs === undefined) return `${start} ${zoneName ?? timeZone}`;
  const end = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date(endMs));
  return `${start} – ${end} ${zoneName ?? timeZone}`;
}

/** Midnight at the start of a local date in a zone. */
export function startOfDay(epochMs: number, timeZone: string): number {
  return inZone(epochMs, timeZone).startOf('day').toMillis();
}

export const MS = { MINUTE, HOUR, DAY };
