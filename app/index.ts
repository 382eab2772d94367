import { version as platformVersion } from 'zapier-platform-core';
import { version } from '../package.json';
import { authentication } from '../src/authentication';
import { addHighLevelDefaults, mapHighLevelErrors } from '../src/middleware';
import { operations, requiredScopes, searchOrCreatePairs } from './operations';

const byKind = (kind: string) =>
  Object.fromEntries(operations.filter((op) => op.kind === kind).map((op) => [op.key, op.definition]));

const searchOrCreates = Object.fromEntries(
  searchOrCreatePairs.map(({ search, create }) => {
    const noun = operations.find((op) => op.key === search)!.def.noun;
    return [search, { key: search, display: { label: `Find or Create ${noun}`, description: `Finds a ${noun.toLowerCase()}, or creates one if none is found.` }, search, create }];
  }),
);

export default {
  version,
  platformVersion,
  authentication: authentication(requiredScopes()),
  // Our middleware, not core's early throw, decides what a 429 means (throttle vs. daily quota).
  flags: { throwForThrottlingEarly: false },
  beforeRequest: [addHighLevelDefaults],
  afterResponse: [mapHighLevelErrors],
  triggers: byKind('trigger'),
  creates: byKind('create'),
  searches: byKind('search'),
  searchOrCreates,
} as any;
