import type { Bundle } from 'zapier-platform-core';

/**
 * Scopes a deployer adds to the requested set (`GHL_EXTRA_SCOPES`, space- or comma-separated): for a marketplace
 * app with more scopes enabled than the app's operations need, so that API Request can reach those endpoints.
 * By default the app requests only what its operations need (src/operations.ts requiredScopes).
 */
export function extraScopes(env: NodeJS.ProcessEnv = process.env): string[] {
  return [...new Set((env.GHL_EXTRA_SCOPES ?? '').split(/[\s,]+/).filter((s) => /^[A-Za-z0-9._/-]+$/.test(s)))].sort();
}

/**
 * The scopes HighLevel granted this connection (the `scope` of its token answer, kept in authData by
 * src/authentication.ts); undefined for a connection made before they were kept.
 */
export function grantedScopes(bundle: Bundle): Set<string> | undefined {
  const scope = (bundle.authData as Record<string, unknown> | undefined)?.scope;
  return typeof scope === 'string' && scope.trim() ? new Set(scope.trim().split(/\s+/)) : undefined;
}
