import { creates } from '../creates';
import { searches } from '../searches';
import { triggers } from '../triggers';
import { agencyApi } from '../src/api/agency';
import { locationsApi } from '../src/api/locations';
import { Operation } from '../src/factories/operation';

export const operations: Operation[] = linkSearches([...triggers, ...creates, ...searches]);

/**
 * Every dropdown offers "add a search step" (Zapier's D014): an `x_list` dropdown links `find_x`, else the one
 * search of the dropdown's noun (contact_task_list → find_task). Derived here once, so no field declaration can
 * forget it.
 */
function linkSearches(ops: Operation[]): Operation[] {
  const searches = ops.filter((op) => op.kind === 'search');
  const searchKeys = new Set(searches.map((op) => op.key));
  const nounOf = new Map(ops.filter((op) => op.kind === 'trigger').map((op) => [op.key, op.def.noun]));
  const searchFor = (list: string): string | undefined => {
    const byKey = list.endsWith('_list') ? `find_${list.slice(0, -'_list'.length)}` : undefined;
    if (byKey && searchKeys.has(byKey)) return byKey;
    const sameNoun = searches.filter((s) => s.def.noun === nounOf.get(list));
    return sameNoun.length === 1 ? sameNoun[0].key : undefined;
  };
  for (const op of ops) {
    for (const field of op.definition.operation.inputFields as Array<Record<string, unknown> | Function>) {
      if (typeof field === 'function' || field.search || typeof field.dynamic !== 'string') continue;
      const search = searchFor(field.dynamic.split('.')[0]);
      if (search) field.search = `${search}.id`;
    }
  }
  return ops;
}

/** Search-or-create pairs: the search key, and the create that runs when it finds nothing. */
export const searchOrCreatePairs: Array<{ search: string; create: string }> = [
  { search: 'find_contact', create: 'create_contact' },
  { search: 'find_opportunity', create: 'create_opportunity' },
  { search: 'find_business', create: 'create_business' },
  { search: 'find_calendar', create: 'create_calendar' },
];

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
