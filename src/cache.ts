import type { Bundle, ZObject } from 'zapier-platform-core';
import { connectionFor } from './connection';
import { connectionCacheGet as cacheGet, connectionCacheSet as cacheSet } from './zcache';

/**
 * Location data a step reads only to make its output readable (custom field definitions, pipeline names): read at
 * most once per step, and kept in z.cache per connection for a few minutes so most steps send no extra request.
 */

export interface CachedOptions<T> {
  /** Whether a cached value has the expected shape (anything else is read again). */
  valid: (value: unknown) => value is T;
  /** A cached value this rejects (e.g. it lacks a record created since) is read again; the fresh value is kept. */
  usable?: (value: T) => boolean;
  ttlSeconds?: number;
}

export const CACHE_TTL_SECONDS = 300;

const perBundle = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * `load()`'s value for this step's location, under z.cache key `highlevel:<name>:<locationId>`: one load per step
 * at most, none while the cached value is valid (and usable). A failed load is not kept: the next caller retries.
 */
export function cachedPerConnection<T>(
  z: ZObject,
  bundle: Bundle,
  name: string,
  load: () => Promise<T>,
  options: CachedOptions<T>,
): Promise<T> {
  let memo = perBundle.get(bundle);
  if (!memo) perBundle.set(bundle, (memo = new Map()));
  const known = memo.get(name);
  if (known) return known as Promise<T>;
  const loading = (async () => {
    const { locationId } = await connectionFor(z, bundle);
    const cacheKey = `highlevel:${name}:${locationId ?? ''}`;
    const cached = await cacheGet(z, cacheKey);
    if (options.valid(cached) && (!options.usable || options.usable(cached))) return cached;
    const value = await load();
    await cacheSet(z, cacheKey, value, options.ttlSeconds ?? CACHE_TTL_SECONDS);
    return value;
  })();
  memo.set(name, loading);
  loading.catch(() => memo!.delete(name));
  return loading;
}
