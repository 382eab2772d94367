import type { Bundle, ZObject } from 'zapier-platform-core';
import { locationsApi } from './api/locations';
import { cachedPerConnection } from './cache';
import { callHighLevel } from './client';

/** What the app reads about the sub-account (location) to interpret inputs: its country and time zone. */
export interface SubAccountFacts {
  /** ISO 3166 alpha-2, e.g. `US` (the default region of national phone numbers); '' when unknown. */
  country: string;
  /** IANA zone, e.g. `America/Los_Angeles` (wall-clock times without an offset); '' when unknown. */
  timezone: string;
}

const isFacts = (v: unknown): v is SubAccountFacts =>
  !!v && typeof v === 'object' && typeof (v as SubAccountFacts).country === 'string' && typeof (v as SubAccountFacts).timezone === 'string';

/**
 * The location's `country` and `timezone` from GET /locations/{locationId} (locations.json, `location.country`,
 * `location.timezone`), read at most once per step and kept an hour in z.cache per connection. A location that
 * cannot be read gives empty facts (callers then fall back: international numbers only, the zap's zone).
 */
export async function subAccountFacts(z: ZObject, bundle: Bundle): Promise<SubAccountFacts> {
  try {
    return await cachedPerConnection(
      z,
      bundle,
      'location-facts',
      async () => {
        const data = await callHighLevel(z, bundle, locationsApi.getLocation);
        const location = (data?.location ?? data ?? {}) as Record<string, unknown>;
        const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
        return { country: text(location.country).toUpperCase(), timezone: text(location.timezone) };
      },
      { valid: isFacts, ttlSeconds: 3600 },
    );
  } catch (error) {
    // An expired token must still be refreshed; anything else only loses the fallback.
    if ((error as Error)?.name === 'RefreshAuthError') throw error;
    z.console.log(`The location's country and time zone could not be read (${(error as Error)?.name ?? 'error'}): using the fallbacks.`);
    return { country: '', timezone: '' };
  }
}
