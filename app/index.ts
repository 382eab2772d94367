import type { Create, Search, SearchOrCreate, Trigger } from 'zapier-platform-core';
import { Kind, ZapierDefinition } from '../src/factories/operation';
import { highLevelApp } from './define';
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

/** The operations' scopes (the shipped definition asks for the same without loading the operations). */
export const scopes = requiredScopes();

const app = highLevelApp(scopes, {
  triggers: byKind<Trigger>('trigger'),
  creates: byKind<Create>('create'),
  searches: byKind<Search>('search'),
  searchOrCreates,
});

/**
 * The live definition: every operation module loaded (tests, the walkthrough, scripts/shipDefinition.ts). Zapier
 * loads index.js, the shipped definition made from this one at build (dist/app/shipped.js).
 *
 * Checked against zapier-platform-core's types by defineApp; exported loosely because those types make every property
 * optional and every perform a union of request shapes, which tests and tools that call
 * `App.triggers.x.operation.perform` or `App.authentication.test` would have to narrow each time.
 */
export default app as Record<string, any>;
