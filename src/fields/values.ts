import type * as Zod from 'zod';
import { isLocalDateTime } from '../time';

// Value schemas shared by every field. Zapier hands most values over as strings, so these accept the string
// forms a zap produces ("true", "2026-01-31", "a, b") and yield what HighLevel expects.
//
// Each is a memoised thunk: zod is loaded on the first validation, not when the app is required. Zapier loads
// the whole app definition on every cold start, and zod is about 50 ms of it.

type ZodLib = typeof Zod;
/** The mark of phone schemas, `one` or `list` (src/phone.ts reads it to normalise every phone input). */
export const PHONE_SCHEMA = Symbol.for('ghl-zapier.phone');
/** The mark of date-time schemas whose wall-clock values src/wallClock.ts reads in the sub-account's zone. */
export const DATETIME_SCHEMA = Symbol.for('ghl-zapier.datetime');
export type Schema<T = unknown> = () => Zod.ZodType<T>;

let zodLib: ZodLib | undefined;
/** zod, required on first use. */
export function zod(): ZodLib['z'] {
  zodLib ??= require('zod') as ZodLib;
  return zodLib.z;
}

/** A schema built on first use, then kept. */
export function lazy<T extends Zod.ZodType>(build: (z: ZodLib['z']) => T): () => T {
  let schema: T | undefined;
  return () => (schema ??= build(zod()));
}

/** A shared schema with a further rule, e.g. `narrow(text(2), (s) => s.regex(/^[A-Z]{2}$/, '...'))`. */
export function narrow<T extends Zod.ZodType, U extends Zod.ZodType>(base: () => T, refine: (schema: T, z: ZodLib['z']) => U): () => U {
  return lazy((z) => refine(base(), z));
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'on']);
const FALSE = new Set(['false', 'no', 'n', '0', 'off']);

export const text = (max = 5000) =>
  lazy((z) => z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`));

/** A HighLevel record id: letters, digits, `-` and `_` (they are used as URL path segments). */
export const id = () =>
  lazy((z) =>
    z
      .string({ error: 'must be an id' })
      .trim()
      .min(1, 'must not be empty')
      .max(128, 'is too long for an id')
      .regex(/^[A-Za-z0-9_-]+$/, 'must be a HighLevel id (letters, digits, "-" or "_")'),
  );

export const email = () =>
  lazy((z) => z.string({ error: 'must be an email address' }).trim().pipe(z.email('must be a valid email address')));

/**
 * A phone number as people write it: only the shape is checked here (digits, with spaces, dots, dashes,
 * parentheses, `+`, `tel:`, an extension); src/phone.ts then makes it E.164 in the sub-account's country and
 * rejects what is not a possible number. Marked so that every phone field is found there.
 */
export const phone = () =>
  Object.assign(
    lazy((z) =>
      z
        .string({ error: 'must be a phone number' })
        .trim()
        .max(60, 'is too long for a phone number')
        .refine(
          (s) => (s.normalize('NFKC').match(/\d/g) ?? []).length >= 3,
          'must be a phone number, e.g. +1 555 010 0199 or (555) 010-0199',
        ),
    ),
    { [PHONE_SCHEMA]: 'one' as const },
  );

export const url = () => lazy((z) => z.string({ error: 'must be a URL' }).trim().pipe(z.url('must be a valid URL')));

export const bool = () =>
  lazy((z) =>
    z.preprocess(
      (v) => {
        if (typeof v !== 'string') return v;
        const s = v.trim().toLowerCase();
        return TRUE.has(s) ? true : FALSE.has(s) ? false : v;
      },
      z.boolean({ error: 'must be true or false' }),
    ),
  );

export const number = () =>
  lazy((z) =>
    z.preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v),
      z.number({ error: 'must be a number' }).finite(),
    ),
  );

export const integer = (min = 0, max = Number.MAX_SAFE_INTEGER) =>
  lazy((z) =>
    z.preprocess(
      (v) => (typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v),
      z
        .number({ error: 'must be a whole number' })
        .int('must be a whole number')
        .min(min, `must be at least ${min}`)
        .max(max, `must be at most ${max}`),
    ),
  );

/**
 * A date and time: ISO-8601 or epoch milliseconds in, ISO-8601 (UTC) out. A wall-clock time without an offset
 * (`2026-03-05 15:00`, `2026-03-05T15:00`, a bare date) is kept as written here: src/wallClock.ts reads it in the
 * sub-account's time zone, else the zap's, else UTC, once the location has been read. Marked for that.
 */
export const dateTime = () =>
  Object.assign(
    lazy((z) =>
      z.preprocess(
        (v) => {
          if (typeof v === 'number') return new Date(v).toISOString();
          if (typeof v !== 'string') return v;
          const s = v.trim();
          if (/^\d{12,14}$/.test(s)) return new Date(Number(s)).toISOString();
          if (isLocalDateTime(s)) return s;
          if (!Number.isNaN(Date.parse(s))) return new Date(s).toISOString();
          return v;
        },
        z
          .string({ error: 'must be a date and time, e.g. 2026-01-31T15:00:00Z' })
          .refine((s) => ISO_UTC.test(s) || isLocalDateTime(s), 'must be a date and time, e.g. 2026-01-31T15:00:00Z'),
      ),
    ),
    { [DATETIME_SCHEMA]: true },
  );

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** A calendar date, YYYY-MM-DD (a full ISO date-time is cut to its date). */
export const date = () =>
  lazy((z) =>
    z.preprocess(
      (v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v.trim()) ? v.trim().slice(0, 10) : v),
      z.iso.date({ error: 'must be a date, e.g. 2026-01-31' }),
    ),
  );

/**
 * A list of strings: a Zapier list field (its items kept whole: a URL or an option may contain a comma), or one
 * text with commas. Duplicates and blanks removed.
 */
export const stringList = (item: Schema<string> = text(200)) =>
  Object.assign(listOf(item), (item as { [PHONE_SCHEMA]?: string })[PHONE_SCHEMA] ? { [PHONE_SCHEMA]: 'list' as const } : {});

const listOf = (item: Schema<string>) =>
  lazy((z) =>
    z.preprocess(
      (v) => {
        const raw = typeof v === 'string' ? v.split(',') : v;
        if (!Array.isArray(raw)) return raw;
        const cleaned = raw.map((x) => (typeof x === 'string' ? x.trim() : x)).filter((x) => x !== '' && x !== undefined && x !== null);
        return [...new Set(cleaned)];
      },
      z.array(item(), { error: 'must be a list' }).min(1, 'must have at least one item'),
    ),
  );

/** One of a fixed set of values (shown as choices in the editor). */
export const oneOf = <T extends string>(values: readonly [T, ...T[]]) =>
  lazy((z) => z.enum(values, { error: `must be one of: ${values.join(', ')}` }));
