// Every Contacts row of the catalog (rows 1–28) and the contact rows of Workflows & Campaigns (98–102) is reachable:
// some operation calls an endpoint with the row's method, path and operationId.
import * as fs from 'fs';
import * as path from 'path';
import { operations } from '../../src/operations';

const catalogPath = path.join(__dirname, '..', '..', 'openapi', 'catalog.json');
const catalog: Array<{ seedName: string; method: string; path: string; operationId: string; specFile: string }> = JSON.parse(
  fs.readFileSync(catalogPath, 'utf8'),
);
const rows = [...catalog.slice(0, 28), ...catalog.slice(97, 102)];

describe('contacts catalog coverage', () => {
  it('reads the rows this part owns', () => {
    expect(rows.slice(0, 28).every((r) => r.specFile === 'contacts.json')).toBe(true);
    expect(rows.slice(28).map((r) => r.operationId)).toEqual([
      'add-contact-to-workflow',
      'delete-contact-from-workflow',
      'add-followers-contact',
      'remove-followers-contact',
      'add-remove-contact-from-business',
    ]);
  });

  it.each(rows.map((r) => [`${r.seedName} (${r.method} ${r.path})`, r] as const))('%s is covered', (_name, row) => {
    const covering = operations.filter((op) =>
      op.endpoints.some((e) => e.method === row.method && e.path === row.path && e.operationId === row.operationId),
    );
    expect([row.seedName, covering.map((op) => op.key).length > 0]).toEqual([row.seedName, true]);
  });
});
