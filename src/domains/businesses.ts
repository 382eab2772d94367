import { businessesApi } from '../api/businesses';
import { offsetPages } from '../client';
import { Context, Item } from '../factories/operation';

const PAGE = 100;

/** Every business of the location, page by page (skip + limit, at most MAX_PAGES pages). */
export function allBusinesses(ctx: Context): Promise<Item[]> {
  return offsetPages(PAGE, async (skip) => {
    const data = await ctx.call(businessesApi.listBusinesses, { query: { limit: String(PAGE), skip: String(skip) } });
    return ((data?.businesses ?? []) as Item[]).filter((b) => b && typeof b === 'object');
  });
}
