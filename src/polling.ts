import { createHash } from 'crypto';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { clientLimits } from './client';
import { MAX_PAGES } from './config';
import { connectionCacheGet, connectionCacheSet } from './zcache';

/**
 * Polls of triggers HighLevel sorts newest first: every record added (or changed) since the previous poll is
 * returned, however many arrived, at one request when fewer than a page arrived and about n / page when n did.
 *
 * Where the previous poll stopped is kept in z.cache (per connection: `auth` scope) under a key naming the trigger
 * and the zap (`bundle.meta.zap.id`, which core 19 still passes although deprecated) or, where Zapier does not
 * send it (local runs), a hash of the step's input. Core 19 offers no other polling state: `z.cursor` lives
 * about an hour and serves `canPaginate` dropdowns only. The state holds the sort key (a date) and ids of the
 * newest record seen, never personal data. Without a state (Zapier's first poll, or a cache entry that expired)
 * one page is read, as Zapier's own first poll only fills its dedupe store.
 *
 * When a bound stops a poll early (MAX_PAGES pages or the paging time budget), the records not read yet are
 * remembered as a gap (where it starts: an offset or HighLevel's cursor, and the sort key it ends at), and the
 * next poll reads the new records at the top, then continues in the gap. The bound is logged.
 */

export type SortKey = string | number;

/**
 * The newest record a poll saw: its sort key and the ids that have exactly that key (ties); for lists whose
 * records carry no sort key (users, locations), no key and the ids of the poll's first page.
 */
export interface Mark {
  key?: SortKey;
  ids: string[];
}

/** Records not read yet because a bound stopped a poll: from `skip` (offset) or `cursor` down to `lower`. */
export interface Gap {
  lower: Mark;
  skip: number;
  cursor?: unknown;
}

export interface PollState {
  mark: Mark;
  gap?: Gap;
}

/**
 * One page of a sorted list: the records to emit (newest first), every record of the page when the trigger
 * keeps only some (they decide where the previous poll stopped), whether more may follow, and the next cursor.
 */
export interface SortedPage<T> {
  items: T[];
  all?: T[];
  more: boolean;
  next?: unknown;
}

export interface SortedPoll<T> {
  /** Reads page `page` (zero-based; offset paging) or the page at `cursor` (cursor paging). */
  fetchPage: (page: number, cursor: unknown) => Promise<SortedPage<T>>;
  /** The sort key; absent when HighLevel's records do not carry it (the mark is then the first page's ids). */
  key?: (item: T) => SortKey | undefined;
  id: (item: T) => string;
  pageSize: number;
  /** HighLevel pages by cursor: a gap resumes at the saved cursor, not at an offset. */
  cursorPaging?: boolean;
}

/** How long a poll's state is kept: a zap paused longer starts again like a first poll (one page). */
export const POLL_STATE_TTL_SECONDS = 30 * 24 * 3600;

const compare = (a: SortKey, b: SortKey): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whether a record is at or below a mark (seen by the poll that set it). */
function reached<T>(poll: SortedPoll<T>, item: T, mark: Mark): boolean {
  if (mark.key === undefined || !poll.key) return mark.ids.includes(poll.id(item));
  const key = poll.key(item);
  if (key === undefined) return false;
  const c = compare(key, mark.key);
  return c < 0 || (c === 0 && mark.ids.includes(poll.id(item)));
}

function markOf<T>(poll: SortedPoll<T>, items: T[]): Mark | undefined {
  if (!poll.key) return items.length ? { ids: items.slice(0, 100).map(poll.id) } : undefined;
  let mark: Mark | undefined;
  for (const item of items) {
    const key = poll.key(item);
    if (key === undefined) continue;
    if (!mark || mark.key === undefined || compare(key, mark.key) > 0) mark = { key, ids: [poll.id(item)] };
    else if (mark.key !== undefined && compare(key, mark.key) === 0) mark.ids.push(poll.id(item));
  }
  return mark;
}

/** The z.cache key of one zap's trigger state (no personal data: the input is hashed). */
export function pollStateKey(triggerKey: string, bundle: Bundle): string {
  const zapId = (bundle.meta as { zap?: { id?: unknown } } | undefined)?.zap?.id;
  if (zapId !== undefined && zapId !== null && zapId !== '') return `highlevel:poll:${triggerKey}:zap:${String(zapId)}`;
  const input = bundle.inputData ?? {};
  const canonical = JSON.stringify(
    Object.keys(input)
      .sort()
      .map((k) => [k, (input as Record<string, unknown>)[k]]),
  );
  return `highlevel:poll:${triggerKey}:input:${createHash('sha256').update(canonical).digest('hex').slice(0, 16)}`;
}

const isMark = (m: unknown): m is Mark =>
  !!m && typeof m === 'object' && ['string', 'number', 'undefined'].includes(typeof (m as Mark).key) && Array.isArray((m as Mark).ids);

function validState(value: unknown): PollState | undefined {
  if (!value || typeof value !== 'object' || !isMark((value as PollState).mark)) return undefined;
  const state = value as PollState;
  if (state.gap && (!isMark(state.gap.lower) || typeof state.gap.skip !== 'number')) return { mark: state.mark };
  return state;
}

/**
 * One poll of a list HighLevel sorts newest first (see the module comment). Returns the records to emit, newest
 * first, each id once; saves where the poll stopped. Throws what `fetchPage` throws (nothing is saved then, so
 * the next poll reads the same records again).
 */
export async function pollSorted<T>(z: ZObject, bundle: Bundle, triggerKey: string, poll: SortedPoll<T>): Promise<T[]> {
  const stateKey = pollStateKey(triggerKey, bundle);
  const state = validState(await connectionCacheGet(z, stateKey));
  const deadline = clientLimits.now() + clientLimits.pagingBudgetMs;
  const out: T[] = [];
  const ids = new Set<string>();
  let pages = 0;
  const keep = (items: T[]) => {
    for (const item of items) {
      const id = poll.id(item);
      if (!ids.has(id)) (ids.add(id), out.push(item));
    }
  };
  const bounded = () => pages >= MAX_PAGES || (pages > 0 && clientLimits.now() > deadline);

  // 1. From the top down to the newest record the previous poll saw.
  let page = 0;
  let cursor: unknown = undefined;
  let fresh = 0;
  let stop: 'mark' | 'end' | 'bound' | 'first' = 'first';
  let top: Mark | undefined;
  let last: SortedPage<T> | undefined;
  for (;;) {
    if (bounded()) {
      stop = 'bound';
      break;
    }
    last = await poll.fetchPage(page, cursor);
    pages++;
    const all = last.all ?? last.items;
    // An empty list marks nothing: the next poll reads every record that arrived, to the end of the list.
    if (page === 0) top = markOf(poll, all) ?? { ids: [] };
    if (!state) {
      keep(last.items);
      break; // the first poll: one page
    }
    // Records at or below the mark were there at the previous poll: never emitted again (Zapier's dedupe store
    // only holds what a poll returned, not what sat further down the list when the zap was turned on).
    keep(last.items.filter((item) => !reached(poll, item, state.mark)));
    const newer = all.filter((item) => !reached(poll, item, state.mark)).length;
    fresh += newer;
    if (newer < all.length) {
      stop = 'mark';
      break;
    }
    if (!last.more) {
      stop = 'end';
      break;
    }
    page++;
    cursor = last.next;
  }

  let gap: Gap | undefined;
  if (state && stop === 'bound') {
    // Everything below what was read, down to the older of the previous mark and an open gap's end, is still owed.
    gap = { lower: state.gap?.lower ?? state.mark, skip: page * poll.pageSize, cursor };
  } else if (state?.gap && stop === 'mark') {
    // 2. Continue in the gap a bounded poll left, from where it stopped: the records that arrived since push it
    // down by `fresh` rows; one page earlier covers records removed above it in between.
    const owed = state.gap;
    let at = poll.cursorPaging ? 0 : Math.max(0, Math.floor((owed.skip + fresh) / poll.pageSize) - 1);
    let gapCursor: unknown = poll.cursorPaging ? owed.cursor : undefined;
    gap = owed;
    for (;;) {
      if (bounded()) {
        gap = { lower: owed.lower, skip: at * poll.pageSize, cursor: gapCursor };
        stop = 'bound';
        break;
      }
      const result = await poll.fetchPage(at, gapCursor);
      pages++;
      keep(result.items.filter((item) => !reached(poll, item, owed.lower)));
      if ((result.all ?? result.items).some((item) => reached(poll, item, owed.lower)) || !result.more) {
        gap = undefined;
        break;
      }
      at++;
      gapCursor = result.next;
    }
  }
  if (stop === 'bound') {
    z.console.log(
      `${triggerKey}: this poll stopped after ${pages} pages (bound: ${MAX_PAGES} pages or ${Math.round(clientLimits.pagingBudgetMs / 1000)} s); ` +
        `${out.length} records returned, the next poll continues with the older ones.`,
    );
  }
  const mark = top ?? state?.mark;
  if (!mark) return out;
  // z.cache refuses undefined values (core's ensureJSONEncodable): a gap without a cursor leaves the key out.
  const saved: PollState = {
    mark,
    ...(gap ? { gap: { lower: gap.lower, skip: gap.skip, ...(gap.cursor != null ? { cursor: gap.cursor } : {}) } } : {}),
  };
  await connectionCacheSet(z, stateKey, saved, POLL_STATE_TTL_SECONDS);
  return out;
}
