import { clientLimits, collectPages } from '../../src/client';

describe('collectPages time budget', () => {
  const budget = clientLimits.pagingBudgetMs;
  afterEach(() => {
    clientLimits.pagingBudgetMs = budget;
  });

  it('starts no new page once the budget is spent, keeping what it read', async () => {
    clientLimits.pagingBudgetMs = 30;
    let pages = 0;
    const items = await collectPages(0, async (n: number) => {
      pages++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { items: [{ id: `r${n}` }], next: n + 1 };
    });
    // Page 1 ends at ~20 ms, page 2 at ~40 ms (over budget): a third page is never asked for.
    expect(pages).toBe(2);
    expect(items.map((i) => i.id)).toEqual(['r0', 'r1']);
  });

  it('reads every page while within the budget', async () => {
    const items = await collectPages(0, async (n: number) => ({ items: [{ id: `r${n}` }], next: n < 4 ? n + 1 : undefined }));
    expect(items).toHaveLength(5);
  });
});
