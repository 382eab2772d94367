import { creates } from '../creates';
import { searches } from '../searches';
import { triggers } from '../triggers';
import { agencyApi } from './api/agency';
import { locationsApi } from './api/locations';
import { Operation } from './factories/operation';

export const operations: Operation[] = linkSearches([...triggers, ...creates, ...searches]);

/**
 * Every `x_list` dropdown offers "add a search step" with `find_x` wherever the app has that search (Zapier's
 * D014): derived here once, so no field declaration can forget it.
 */
function linkSearches(ops: Operation[]): Operation[] {
  const searchKeys = new Set(ops.filter((op) => op.kind === 'search').map((op) => op.key));
  for (const op of ops) {
    for (const field of op.definition.operation.inputFields as Array<Record<string, unknown> | Function>) {
      if (typeof field === 'function' || field.search || typeof field.dynamic !== 'string') continue;
      const list = field.dynamic.split('.')[0];
      const search = list.endsWith('_list') ? `find_${list.slice(0, -'_list'.length)}` : undefined;
      if (search && searchKeys.has(search)) field.search = `${search}.id`;
    }
  }
  return ops;
}

/** Search-or-create pairs: the search key, and the create that runs when it finds nothing. */
export const searchOrCreatePairs: Array<{ search: string; create: string }> = [{ search: 'find_contact', create: 'create_contact' }, { search: 'find_opportunity', create: 'create_opportunity' }, { search: 'find_business', create: 'create_business' }, { search: 'find_calendar', create: 'create_calendar' }];

/**
 * The OAuth scopes the app requests: every scope an operation's endpoints need, plus the connection test's.
 * Derived, so a new operation cannot be shipped without the scope it needs.
 */
export function requiredScopes(): string[] {
  // The connection test's scopes, and the agency → location token exchange (connection.ts).
  const scopes = new Set<string>([locationsApi.getLocation.scope, agencyApi.getCompany.scope, agencyApi.locationToken.scope]);
  for (const op of operations) for (const s of [...op.endpoints.map((e) => e.scope), ...(op.scopes ?? [])]) scopes.add(s);
  return [...scopes].sort();
}
