import * as fs from 'fs';
import * as path from 'path';
import { specDirectory } from '../contract/openapi';
import { operations } from '../app/operations';

export interface CatalogRow {
  category: string;
  seedName: string;
  seedKind: string;
  method: string;
  path: string;
  operationId: string;
  specFile: string;
}

export interface RowCoverage {
  row: number;
  entry: CatalogRow;
  /** Keys of the app operations that call this row's endpoint. */
  coveredBy: string[];
}

/** The seed catalog: the shared copy beside the repository when present, else the vendored one. */
export function loadCatalog(): CatalogRow[] {
  const root = path.dirname(specDirectory());
  const candidates = [path.join(root, '..', 'shared', 'catalog.json'), path.join(root, 'openapi', 'catalog.json')];
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) throw new Error(`catalog.json not found in ${candidates.join(' or ')}`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as CatalogRow[];
}

/** Coverage derived from the code: a row is covered by every operation that calls its method and path. */
export function catalogCoverage(rows: CatalogRow[] = loadCatalog()): RowCoverage[] {
  return rows.map((entry, index) => ({
    row: index + 1,
    entry,
    coveredBy: operations.filter((op) => op.endpoints.some((e) => e.method === entry.method && e.path === entry.path)).map((op) => op.key),
  }));
}
