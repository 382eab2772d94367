import { loadCatalog } from '../../scripts/coverage';
import { operations } from '../../src/operations';

// Catalog rows 63–79 (opportunities, users) and 90–102 (businesses, workflows, snapshots, campaigns) each have an
// operation calling their endpoint. (Rows 98–102 are contact actions, in creates/contactMemberships.ts and contacts.ts.)
const ROWS = [...Array.from({ length: 17 }, (_, i) => 63 + i), ...Array.from({ length: 13 }, (_, i) => 90 + i)];

describe('catalog coverage: opportunities, users, businesses, workflows and campaigns', () => {
  const catalog = loadCatalog();
  it.each(ROWS.map((row) => [row, catalog[row - 1].seedName, catalog[row - 1]] as const))('row %i (%s) is reachable', (_row, _name, entry) => {
    const covering = operations.filter((op) =>
      op.endpoints.some((e) => e.method === entry.method && e.path === entry.path && e.operationId === entry.operationId),
    );
    expect(covering.map((op) => op.key).length).toBeGreaterThan(0);
  });
});
