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
function reached<T>(poll: Pick<SortedPoll<T>, 'key' | 'id'>, item: T, mark: Mark): boolean {
  if (mark.key === undefined || !poll.key) return mark.ids.includes(poll.id(item));
  const key = poll.key(item);
  if (key === undefined) return false;
  const c = compare(key, mark.key);
  return c < 0 || (c === 0 && mark.ids.includes(poll.id(item)));
}

function markOf<T>(poll: Pick<SortedPoll<T>, 'key' | 'id'>, items: T[]): Mark | undefined {
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

// ---------------------------------------------------------------------------------------------------------
// Lists whose order HighLevel does not document (payments, form and survey submissions, custom object records)

/** One page of a list read by offset or cursor, with HighLevel's total when the answer carries it. */
export interface DatedPage<T> {
  items: T[];
  more: boolean;
  total?: number;
  /** The next page's cursor (cursor paging). */
  next?: unknown;
}

export interface DatedPoll<T> {
  /** Reads `pageSize` records from offset `skip` (or at `cursor` for cursor paging) of the window starting at `anchor`. */
  fetchPage: (skip: number, cursor: unknown, anchor: string) => Promise<DatedPage<T>>;
  /** The record's date (ISO strings compare as strings). */
  key: (item: T) => SortKey | undefined;
  id: (item: T) => string;
  pageSize: number;
  cursorPaging?: boolean;
  /** Where a poll at `nowMs` starts its window (a date filter, YYYY-MM-DD), or '' when the list has no filter. */
  anchor: (nowMs: number) => string;
  /** Offsets must be whole pages (HighLevel pages by page number): a poll resumes at the start of its last page. */
  pageAligned?: boolean;
  /** Cursor paging: the cursor of the records after `item` (read on the page at `cursor`). */
  cursorAfter?: (item: T, cursor: unknown) => unknown;
}

/**
 * Records of the last page an oldest-first poll (offset paging) read that the next poll reads again: the first of
 * them must be one it had seen; when it is not, records below were removed in between (the newer ones moved up)
 * and the poll steps back a page. One record, so n new records still cost ⌊n / page⌋ + 1 requests. Cursor paging
 * (`searchAfter`, a position by value) resumes after the last record read.
 */
export const FORWARD_OVERLAP = 1;

/** Where an oldest-first poll continues: the start of the last page it read (a page of overlap) in its window. */
export interface Forward {
  anchor: string;
  skip: number;
  cursor?: unknown;
}

interface DatedState extends PollState {
  order?: 'asc';
  forward?: Forward;
}

/** The order of one page from its first and last records' dates: undefined when they cannot tell. */
export function pageOrder<T>(items: T[], key: (item: T) => SortKey | undefined): 'asc' | 'desc' | undefined {
  const keys = items.map(key).filter((k): k is SortKey => k !== undefined && k !== null && k !== '');
  if (keys.length < 2) return undefined;
  const c = compare(keys[0], keys[keys.length - 1]);
  return c < 0 ? 'asc' : c > 0 ? 'desc' : undefined;
}

class OldestFirst<T> {
  constructor(
    readonly page: DatedPage<T>,
    readonly anchor: string,
  ) {}
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * One poll of a list whose order HighLevel does not document. The first page a poll reads tells the order
 * (its first and last records' dates): newest first → pollSorted (down to the previous poll's mark: one request
 * when fewer than a page arrived); oldest first → read forward from where the previous poll stopped (the start
 * of the last page it read, kept with the window's start in the same state), to the end or a bound, so a burst
 * larger than the bound is finished by the next poll(s). Records at or below the previous mark are not returned
 * again. A window start older than two days past the poll window's is given up (a new one read from its start).
 * Returns the records to emit; throws what `fetchPage` throws (nothing saved then).
 */
export async function pollDated<T>(z: ZObject, bundle: Bundle, triggerKey: string, poll: DatedPoll<T>): Promise<T[]> {
  const stateKey = pollStateKey(triggerKey, bundle);
  const state = validState(await connectionCacheGet(z, stateKey)) as DatedState | undefined;
  if (state?.order === 'asc') return pollForward(z, stateKey, triggerKey, poll, state);
  const anchor = poll.anchor(clientLimits.now());
  let calls = 0;
  try {
    return await pollSorted(z, bundle, triggerKey, {
      pageSize: poll.pageSize,
      cursorPaging: poll.cursorPaging,
      key: poll.key,
      id: poll.id,
      fetchPage: async (page, cursor) => {
        const result = await poll.fetchPage(page * poll.pageSize, cursor, anchor);
        if (calls++ === 0 && pageOrder(result.items, poll.key) === 'asc') throw new OldestFirst(result, anchor);
        return result;
      },
    });
  } catch (error) {
    if (!(error instanceof OldestFirst)) throw error;
    return pollForward(z, stateKey, triggerKey, poll, { mark: state?.mark ?? { ids: [] }, order: 'asc' }, error, !state);
  }
}

async function pollForward<T>(
  z: ZObject,
  stateKey: string,
  triggerKey: string,
  poll: DatedPoll<T>,
  state: DatedState,
  first?: OldestFirst<T>,
  firstPoll = false,
): Promise<T[]> {
  const now = clientLimits.now();
  const saved = state.forward;
  const keepWindow = saved && saved.anchor >= poll.anchor(now - 2 * DAY_MS);
  const anchor = keepWindow ? saved.anchor : (first?.anchor ?? poll.anchor(now));
  let skip = keepWindow ? saved.skip : 0;
  let cursor: unknown = keepWindow ? saved.cursor : undefined;
  const deadline = now + clientLimits.pagingBudgetMs;
  const out: T[] = [];
  const ids = new Set<string>();
  const seen: T[] = [];
  let pages = 0;
  let bound = false;
  let start: Forward = { anchor, skip, ...(cursor != null ? { cursor } : {}) };
  let lastItems: T[] = [];
  let resumed = !!keepWindow;
  let ready = !keepWindow && first ? first.page : undefined;
  for (;;) {
    if (pages >= MAX_PAGES || (pages > 0 && clientLimits.now() > deadline)) {
      bound = true;
      break;
    }
    const result = ready ?? (await poll.fetchPage(skip, cursor, anchor));
    pages++; // the page that told the order (`first`) was a request of this poll too
    ready = undefined;
    // Zapier's first poll only fills its dedupe store: jump to the last page when HighLevel says how many there are.
    if (firstPoll && !poll.cursorPaging && result.total !== undefined && result.total > skip + poll.pageSize && skip === 0) {
      skip = Math.max(0, result.total - poll.pageSize);
      continue;
    }
    // Resumed at an offset: its first record is one seen before; none, or a new one, means removals moved the list
    // up: step back a page.
    if (resumed && !poll.cursorPaging && skip > 0 && (!result.items.length || !reached(poll, result.items[0], state.mark))) {
      skip = Math.max(0, skip - poll.pageSize);
      continue;
    }
    resumed = false;
    start = { anchor, skip, ...(cursor != null ? { cursor } : {}) };
    lastItems = result.items;
    seen.push(...result.items);
    for (const item of result.items) {
      const id = poll.id(item);
      if (!firstPoll && reached(poll, item, state.mark)) continue;
      if (!ids.has(id)) (ids.add(id), out.push(item));
    }
    if (!result.more || !result.items.length) break;
    skip += poll.pageSize;
    cursor = result.next;
  }
  if (bound) {
    z.console.log(
      `${triggerKey}: this poll stopped after ${pages} pages (bound: ${MAX_PAGES} pages or ${Math.round(clientLimits.pagingBudgetMs / 1000)} s); ` +
        `${out.length} records returned, the next poll continues with the newer ones.`,
    );
  }
  const newest = markOf(poll, seen);
  const old = state.mark;
  let mark: Mark = old;
  if (newest && (old.key === undefined || newest.key === undefined || compare(newest.key, old.key) > 0)) mark = newest;
  else if (newest && newest.key !== undefined && old.key !== undefined && compare(newest.key, old.key) === 0) {
    mark = { key: old.key, ids: [...new Set([...old.ids, ...newest.ids])] };
  }
  // The next poll starts FORWARD_OVERLAP records before the end of what was read (offsets), right after it
  // (cursors), or at the start of the last page read (page numbers, or no cursor inside a page).
  let resume = start;
  const back = lastItems.length - FORWARD_OVERLAP;
  if (back > 0 && !poll.cursorPaging && !poll.pageAligned) resume = { anchor, skip: start.skip + back };
  else if (lastItems.length && poll.cursorPaging && poll.cursorAfter) {
    const after = poll.cursorAfter(lastItems[lastItems.length - 1], start.cursor);
    if (after != null) resume = { anchor, skip: start.skip + lastItems.length, cursor: after };
  }
  const next: DatedState = { mark, order: 'asc', forward: resume };
  await connectionCacheSet(z, stateKey, next, POLL_STATE_TTL_SECONDS);
  return out;
}
