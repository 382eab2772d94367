import { catalogCoverage, loadCatalog } from '../scripts/coverage';
import { operations } from '../app/operations';

describe('seed catalog coverage (npm run catalog)', () => {
  const rows = catalogCoverage();

  it('reads all 124 rows of the catalog', () => {
    expect(loadCatalog()).toHaveLength(124);
  });

  it.each(rows.map((r) => [r.row, r.entry.seedName, r]))('row %i (%s) is covered by an operation', (_row, _name, coverage) => {
    expect(coverage.coveredBy.length).toBeGreaterThan(0);
    // The covering operation calls the row's own spec operation, not merely a path that looks alike.
    const ids = operations
      .filter((op) => coverage.coveredBy.includes(op.key))
      .flatMap((op) => op.endpoints.filter((e) => e.method === coverage.entry.method && e.path === coverage.entry.path))
      .map((e) => `${e.specFile}#${e.operationId}`);
    expect(ids).toContain(`${coverage.entry.specFile}#${coverage.entry.operationId}`);
  });
});
