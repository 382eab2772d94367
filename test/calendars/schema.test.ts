// The calendar operations pass Zapier's own app schema, as core validates it.
import App from '../../app/index';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { compileApp, validateApp } = require('zapier-platform-core/src/tools/schema');

describe("Zapier's app schema", () => {
  it('accepts the calendar, appointment and blocked-slot operations and the Find or Create Calendar pair', () => {
    const app = App as any;
    const mine = /calendar|appointment|slot/;
    const only = (kind: string) => Object.fromEntries(Object.entries(app[kind]).filter(([k]) => mine.test(k) || k === 'user_list'));
    const subset = {
      ...app,
      triggers: only('triggers'),
      creates: only('creates'),
      searches: only('searches'),
      searchOrCreates: only('searchOrCreates'),
    };
    expect(Object.keys(subset.triggers).length).toBeGreaterThan(8);
    expect(subset.searchOrCreates.find_calendar).toMatchObject({ search: 'find_calendar', create: 'create_calendar' });
    expect(validateApp(compileApp(subset))).toEqual([]);
  });
});
