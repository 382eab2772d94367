import { creates } from '../creates';
import { searches } from '../searches';
import { triggers } from '../triggers';
import { agencyApi } from './api/agency';
import { locationsApi } from './api/locations';
import { Operation } from './factories/operation';

export const operations: Operation[] = [...triggers, ...creates, ...searches];

/** Search-or-create pairs: the search key, and the create that runs when it finds nothing. */
export const searchOrCreatePairs: Array<{ search: string; create: string }> = [{ search: 'find_contact', create: 'create_contact' }, { search: 'find_opportunity', create: 'create_opportunity' }, { search: 'find_business', create: 'create_business' }, { search: 'find_calendar', create: 'create_calendar' }];

/**
 * The OAuth scopes the app requests: every scope an operation's endpoints need, plus the connection test's.
 * Derived, so a new operation cannot be shipped without the scope it needs.
 */
export function requiredScopes(): string[] {
  // The connection test's scopes, and the agency → location token exchange (connection.ts).
  const scopes = new Set<string>([locationsApi.getLocation.scope, agencyApi.getCompany.scope, agencyApi.locationToken.scope]);
  for (const op of operations) for (const e of op.endpoints) scopes.add(e.scope);
  return [...scopes].sort();
}
