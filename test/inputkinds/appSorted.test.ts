import nock from 'nock';
import { expectContractClean, highlevel, operation, run } from '../support/highlevel';

// Issue 10, kind 1, triggers HighLevel cannot sort: the whole list is read each poll, up to a bound that is logged.

describe('triggers sorted in the app', () => {
  it('New Task: a list longer than the page limit is read up to the bound, and the bound is logged', async () => {
    let served = 0;
    highlevel()
      .post(/\/locations\/[^/]+\/tasks\/search/)
      .times(25)
      .reply(200, (_uri: string, body: any) => {
        served++;
        const tasks = Array.from({ length: body.limit }, (_, i) => ({
          id: `t${body.skip + i}`,
          title: 'Call',
          dateAdded: new Date(1e12 + body.skip + i).toISOString(),
        }));
        return { tasks };
      });
    const logs: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logs.push(args.join(' ')));
    try {
      const items = await run(operation('new_task'), {});
      expect(items.length).toBeGreaterThan(0);
    } finally {
      log.mockRestore();
      nock.cleanAll();
    }
    expect(served).toBe(20);
    expect(logs.some((l) => /new_task: stopped reading after 20 pages \(page limit\)/.test(l))).toBe(true);
    expectContractClean();
  });
});
