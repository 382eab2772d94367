import type { ZObject } from 'zapier-platform-core';

// Zapier's cache, per connection: the `auth` scope keys entries by the connection too, so one account's data
// never serves another, and a value is read with the scope it was written with. z.cache needs Zapier's RPC,
// which local runs do not have: there a read finds nothing and a write is dropped.
const SCOPE = ['auth'];
type ScopedCache = {
  get: (key: string, scope?: string[]) => Promise<unknown>;
  set: (key: string, value: unknown, ttl?: number, scope?: string[]) => Promise<unknown>;
};

export async function connectionCacheGet(z: ZObject, key: string): Promise<unknown> {
  try {
    return (await (z.cache as unknown as ScopedCache).get(key, SCOPE)) ?? null;
  } catch {
    return null;
  }
}

export async function connectionCacheSet(z: ZObject, key: string, value: unknown, ttlSeconds: number): Promise<void> {
  try {
    await (z.cache as unknown as ScopedCache).set(key, value, Math.max(1, Math.floor(ttlSeconds)), SCOPE);
  } catch {
    /* no cache here */
  }
}
