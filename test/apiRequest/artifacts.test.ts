import * as fs from 'fs';
import * as path from 'path';
import { EXCLUDED_OPERATIONS, generateApiRequestArtifacts, generatedDir, humanize } from '../../scripts/apiRequestArtifacts';
import { listOperations } from '../../contract/openapi';
import { loadDetail, loadIndex } from '../../src/apiRequest/artifacts';

// The generated artifacts are committed (build.zip ships them; nothing parses the specs at run time): they must
// be exactly what the generator makes from openapi/ and contract/deviations.ts today.

describe('API Request artifacts', () => {
  it('regenerating gives the same bytes (run `npm run api-request:generate` after changing the specs or deviations)', () => {
    const files = generateApiRequestArtifacts();
    const dir = generatedDir();
    const onDisk = ['index.json', ...fs.readdirSync(path.join(dir, 'details')).map((f) => `details/${f}`)].sort();
    expect(onDisk).toEqual([...files.keys()].sort());
    for (const [name, content] of files) expect([name, fs.readFileSync(path.join(dir, name), 'utf8') === content]).toEqual([name, true]);
  });

  it('index every spec operation but the excluded ones, with the fields the specs declare', () => {
    const ops = loadIndex().operations;
    expect(ops).toHaveLength(listOperations().length - Object.keys(EXCLUDED_OPERATIONS).length);
    const fields = ops.flatMap((op) => loadDetail(op).fields);
    const stats = {
      operations: ops.length,
      agencyOnly: ops.filter((op) => op.agencyOnly).length,
      withoutScope: ops.filter((op) => !op.scopes.length).length,
      enums: fields.filter((f) => f.c).length,
      lineItems: fields.filter((f) => f.ch).length,
      jsonFields: fields.filter((f) => f.t === 'json').length,
      filledFromConnection: fields.filter((f) => f.f).length,
    };
    console.log(`API Request artifacts: ${JSON.stringify(stats)}`);
    expect(stats.agencyOnly).toBeGreaterThanOrEqual(37);
    expect(stats.enums).toBeGreaterThan(300);
    expect(stats.lineItems).toBeGreaterThan(10);
    expect(stats.jsonFields).toBeGreaterThan(40);
    // Path parameters the specs leave undeclared still become fields (taken from the path template).
    for (const op of ops) {
      const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const pathFields = loadDetail(op)
        .fields.filter((f) => f.in === 'path')
        .map((f) => f.p[0]);
      expect([op.key, pathFields.sort()]).toEqual([op.key, names.sort()]);
    }
    // Every field can be shown: a label and help text that says more than the label.
    for (const f of fields) expect([f.k, f.l.length > 0 && f.h.length > 10 && f.h !== f.l]).toEqual([f.k, true]);
  });

  it('labels read as words', () => {
    expect(humanize('invoiceId')).toBe('Invoice ID');
    expect(humanize('start_date')).toBe('Start Date');
    expect(humanize('redirectUrl')).toBe('Redirect URL');
  });
});
