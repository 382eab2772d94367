import { defineApp, version as platformVersion } from 'zapier-platform-core';
import type { Create, Search, SearchOrCreate, Trigger } from 'zapier-platform-core';
import { version } from '../package.json';
import { authentication } from '../src/authentication';
import { Kind, ZapierDefinition } from '../src/factories/operation';
import { addHighLevelDefaults, mapHighLevelErrors } from '../src/middleware';
import { operations, requiredScopes, searchOrCreatePairs } from './operations';

/** The operations of one kind, by key, as Zapier registers them. */
function byKind<D extends ZapierDefinition>(kind: Kind): Record<string, D> {
  return Object.fromEntries(operations.filter((op) => op.kind === kind).map((op) => [op.key, op.zapier as D]));
}

const searchOrCreates: Record<string, SearchOrCreate> = Object.fromEntries(
  searchOrCreatePairs.map(({ search, create }) => {
    const noun = operations.find((op) => op.key === search)!.def.noun;
    const display = { label: `Find or Create ${noun}`, description: `Finds a ${noun.toLowerCase()}, or creates one if none is found.` };
    return [search, { key: search, display, search, create }];
  }),
);

const app = defineApp({
  version,
  platformVersion,
  authentication: authentication(requiredScopes()),
  // Our middleware, not core's early throw, decides what a 429 means (throttle vs. daily quota).
  flags: { throwForThrottlingEarly: false },
  beforeRequest: [addHighLevelDefaults],
  afterResponse: [mapHighLevelErrors],
  triggers: byKind<Trigger>('trigger'),
  creates: byKind<Create>('create'),
  searches: byKind<Search>('search'),
  searchOrCreates,
});

/**
 * The definition as Zapier loads it. Checked above against zapier-platform-core's types; exported loosely because
 * those types make every property optional and every perform a union of request shapes, which tests and tools
 * that call `App.triggers.x.operation.perform` or `App.authentication.test` would have to narrow each time.
 */
export default app as Record<string, any>;
