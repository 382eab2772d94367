import { defineApp, version as platformVersion } from 'zapier-platform-core';
import type { Create, Search, SearchOrCreate, Trigger } from 'zapier-platform-core';
import { version } from '../package.json';
import { authentication } from '../src/authentication';
import { addHighLevelDefaults, mapHighLevelErrors } from '../src/middleware';

/** The operations Zapier registers, by kind and key. */
export interface OperationsByKind {
  triggers: Record<string, Trigger>;
  creates: Record<string, Create>;
  searches: Record<string, Search>;
  searchOrCreates: Record<string, SearchOrCreate>;
}

/**
 * The app around its operations: authentication requesting `scopes` (plus a deployer's GHL_EXTRA_SCOPES, read when
 * this runs) and the middleware. Used by the live app (app/index.ts) and by the shipped definition (dist/app/shipped.js,
 * the operations as data with lazy functions), so both have the same shell.
 */
export function highLevelApp(scopes: string[], operations: OperationsByKind) {
  return defineApp({
    version,
    platformVersion,
    authentication: authentication(scopes),
    // Our middleware, not core's early throw, decides what a 429 means (throttle vs. daily quota).
    flags: { throwForThrottlingEarly: false },
    beforeRequest: [addHighLevelDefaults],
    afterResponse: [mapHighLevelErrors],
    ...operations,
  });
}
