import { pagingBoundOf, RequestParts } from '../client';
import { pollSorted, SortKey } from '../polling';
import {
  built,
  Context,
  Input,
  Item,
  Operation,
  OperationDef,
  pathFromInput,
  records,
  TriggerExtras,
  unwrap,
  validated,
} from './operation';

export interface PollContext extends Context {
  /** Zero-based page: dropdowns that load more, and the pages of a serverSorted poll. */
  page: number;
  /** The page's cursor (serverSorted.nextCursor of the previous page's answer), for cursor-paged lists. */
  cursor?: unknown;
  /** How many items one poll asks for. */
  limit: number;
}

export interface TriggerDef extends OperationDef {
  /** Default: the endpoint's path parameters from the input (see OperationDef.pathFrom), nothing else. */
  request?: (input: Input, ctx: PollContext) => RequestParts;
  /** The records in HighLevel's answer (default: the list under resultKey). */
  items?: (data: any, ctx: PollContext) => Item[];
  /** Sort key for newest first, when the API cannot sort (descending; ISO dates compare as strings). */
  newestFirst?: (item: Item) => string | number | undefined;
  /** For triggers that need more than one request. Returns the records (not yet sorted or keyed). */
  perform?: (input: Input, ctx: PollContext) => Promise<Item[]>;
  /**
   * HighLevel sorts the records newest first by `key` and pages them (the request reads ctx.page, or ctx.cursor
   * when `nextCursor` is given): a poll reads pages until it reaches the previous poll's newest record, so a
   * burst larger than a page is emitted in full (src/polling.ts).
   */
  serverSorted?: {
    /** The sort key in the records; leave out when they do not carry it (the previous first page's ids mark it). */
    key?: (item: Item) => SortKey | undefined;
    /** Records per page HighLevel answers (default: the poll's limit). */
    pageSize?: number;
    /** The next page's cursor in HighLevel's answer (none: the last page). */
    nextCursor?: (data: any) => unknown;
  };
  /** Extra Zapier operation properties (e.g. canPaginate). */
  zapier?: TriggerExtras;
  /**
   * "Changed" triggers: every change is its own item for Zapier's dedupe. The item id joins the record id with
   * these parts (blank parts left out), and the record's own id is kept under `recordId`. Applied to the records
   * and to the sample alike.
   */
  changeId?: { recordId: string; parts: (item: Item, input: Input) => unknown[] };
}

/** The record keyed by one change (see TriggerDef.changeId). */
function keyedByChange(item: Item, input: Input, changeId: NonNullable<TriggerDef['changeId']>): Item {
  const parts = changeId.parts(item, input).filter((p) => p !== undefined && p !== null && p !== '');
  return { ...item, id: [item.id, ...parts].join('_'), [changeId.recordId]: item.id };
}

export const DEFAULT_POLL_LIMIT = 100;

/** Newest first, by a key; records without the key keep their order at the end. */
export function sortNewestFirst(items: Item[], key: (item: Item) => string | number | undefined): Item[] {
  return items
    .map((item, index) => ({ item, index, k: key(item) }))
    .sort((a, b) => {
      if (a.k === undefined && b.k === undefined) return a.index - b.index;
      if (a.k === undefined) return 1;
      if (b.k === undefined) return -1;
      return a.k < b.k ? 1 : a.k > b.k ? -1 : a.index - b.index;
    })
    .map((x) => x.item);
}

/** A polling trigger: one request where the API sorts, newest first, every item with an `id`. */
export function pollingTrigger(def: TriggerDef): Operation {
  const perform = validated(def, async (input, base) => {
    const meta = (base.bundle.meta ?? {}) as Record<string, any>;
    const ctx: PollContext = { ...base, page: Number(meta.page) || 0, limit: meta.isLoadingSample ? 10 : DEFAULT_POLL_LIMIT };
    let items: Item[];
    const sorted = def.serverSorted;
    if (sorted && !meta.isLoadingSample && !meta.isFillingDynamicDropdown && !(Number(meta.page) > 0)) {
      const pageSize = sorted.pageSize ?? ctx.limit;
      items = await pollSorted(base.z, base.bundle, def.key, {
        pageSize,
        cursorPaging: !!sorted.nextCursor,
        key: sorted.key,
        id: (item) => String(item.id),
        fetchPage: async (page, cursor) => {
          const pageCtx = { ...ctx, page, cursor };
          const withIds = (list: unknown) => records(list).filter((item) => item.id !== undefined && item.id !== null && item.id !== '');
          if (def.perform) {
            const list = await def.perform(input, pageCtx);
            return { items: withIds(list), more: list.length >= pageSize };
          }
          const data = await ctx.call(
            def.endpoint,
            def.request ? def.request(input, pageCtx) : { path: pathFromInput(def.endpoint, input, def.pathFrom).path },
          );
          const raw = unwrap(def, data);
          const list = def.items ? def.items(data ?? {}, pageCtx) : (raw ?? []);
          const next = sorted.nextCursor?.(data ?? {});
          const more = sorted.nextCursor
            ? next !== undefined && next !== null && next !== ''
            : (Array.isArray(raw) ? raw.length : list.length) >= pageSize;
          return { items: withIds(list), all: Array.isArray(raw) ? withIds(raw) : undefined, more, next };
        },
      });
    } else if (def.perform) {
      items = await def.perform(input, ctx);
      // A trigger sorted here reads the whole list: say so when a bound stopped it (no personal data).
      const bound = pagingBoundOf(items);
      if (bound) {
        base.z.console.log(
          `${def.key}: stopped reading after ${bound.pages} pages (${bound.by === 'pages' ? 'page limit' : 'time budget'}); records further down the list were not read in this poll.`,
        );
      }
    } else {
      const data = await ctx.call(
        def.endpoint,
        def.request ? def.request(input, ctx) : { path: pathFromInput(def.endpoint, input, def.pathFrom).path },
      );
      items = def.items ? def.items(data ?? {}, ctx) : (unwrap(def, data) ?? []);
    }
    items = records(items).filter((item) => item.id !== undefined && item.id !== null && item.id !== '');
    if (def.changeId) items = items.map((item) => keyedByChange(item, input, def.changeId!));
    return def.newestFirst ? sortNewestFirst(items, def.newestFirst) : items;
  });
  const sample = def.changeId ? keyedByChange(def.sample, {}, def.changeId) : def.sample;
  return built('trigger', { ...def, sample }, perform, def.zapier);
}
