import { clientLimits, collectPages } from '../../src/client';

describe('collectPages time budget', () => {
  const { now, pagingBudgetMs } = clientLimits;
  let clock = 0;
  beforeEach(() => {
    clock = 0;
    clientLimits.now = () => clock;
    clientLimits.pagingBudgetMs = 20_000;
  });
  afterEach(() => {
    Object.assign(clientLimits, { now, pagingBudgetMs });
  });

  it('starts no new page once the budget is spent, keeping what it read', async () => {
    let pages = 0;
    const items = await collectPages(0, async (n: number) => {
      pages++;
      clock += 8_000; // each page takes 8 s of HighLevel's time
      return { items: [{ id: `r${n}` }], next: n + 1 };
    });
    // Pages end at 8, 16 and 24 s: the third ends over the 20 s budget, so a fourth is never asked for.
    expect(pages).toBe(3);
    expect(items.map((i) => i.id)).toEqual(['r0', 'r1', 'r2']);
  });

  it('reads every page while within the budget', async () => {
    const items = await collectPages(0, async (n: number) => {
      clock += 1_000;
      return { items: [{ id: `r${n}` }], next: n < 4 ? n + 1 : undefined };
    });
    expect(items).toHaveLength(5);
  });
});
