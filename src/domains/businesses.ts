import { businessesApi } from '../api/businesses';
import { collectPages } from '../client';
import { Context, Item } from '../factories/operation';

const PAGE = 100;

/** Every business of the location, page by page (skip + limit, at most MAX_PAGES pages). */
export function allBusinesses(ctx: Context): Promise<Item[]> {
  return collectPages(0, async (skip) => {
    const data = await ctx.call(businessesApi.listBusinesses, { query: { limit: String(PAGE), skip: String(skip) } });
    const items = ((data?.businesses ?? []) as Item[]).filter((b) => b && typeof b === 'object');
    return { items, next: items.length < PAGE ? undefined : skip + PAGE };
  });
}
