/**
 * The relay's configuration, read once from the environment (see the README section "The webhook relay" and
 * `.env.example`). Nothing here is logged: keys and tokens stay in memory.
 */

/**
 * HighLevel's published Ed25519 key for `x-ghl-signature` (marketplace WebhookIntegrationGuide /
 * ProviderOutboundMessage docs; the same value is hard-coded by many public integrations, see
 * shared/research/instant-triggers.md §2). Override with `GHL_WEBHOOK_PUBLIC_KEY` (tests, the sandbox, rotation).
 */
export const HIGHLEVEL_ED25519_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=
-----END PUBLIC KEY-----`;

/** HighLevel's legacy RSA key for `x-wh-signature` (highlevel-api-docs: docs/oauth/WebhookAuthentication.md). */
export const HIGHLEVEL_RSA_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAokvo/r9tVgcfZ5DysOSC
Frm602qYV0MaAiNnX9O8KxMbiyRKWeL9JpCpVpt4XHIcBOK4u3cLSqJGOLaPuXw6
dO0t6Q/ZVdAV5Phz+ZtzPL16iCGeK9po6D6JHBpbi989mmzMryUnQJezlYJ3DVfB
csedpinheNnyYeFXolrJvcsjDtfAeRx5ByHQmTnSdFUzuAnC9/GepgLT9SM4nCpv
uxmZMxrJt5Rw+VUaQ9B8JSvbMPpez4peKaJPZHBbU3OdeCVx5klVXXZQGNHOs8gF
3kvoV5rTnXV0IknLBXlcKKAQLZcY/Q9rG6Ifi9c+5vqlvHPCUJFT5XUGG5RKgOKU
J062fRtN+rLYZUV+BjafxQauvC8wSWeYja63VSUruvmNj8xkx2zE/Juc+yjLjTXp
IocmaiFeAO6fUtNjDeFVkhf5LNb59vECyrHD2SQIrhgXpO4Q3dVNA5rw576PwTzN
h/AMfHKIjE4xQA1SZuYJmNnmVZLIZBlQAF9Ntd03rfadZ+yDiOXCCs9FkHibELhC
HULgCsnuDJHcrGNd5/Ddm5hxGQ0ASitgHeMZ0kcIOwKDOzOU53lDza6/Y09T7sYJ
PQe7z0cvj7aE4B+Ax1ZoZGPzpJlZtGXCsu9aTEGEnKzmsFqwcSsnw3JB31IGKAyk
T1hhTiaCeIY/OwwwNUY2yvcCAwEAAQ==
-----END PUBLIC KEY-----`;

export interface RelayConfig {
  /** `postgres://…` for a PostgreSQL server; undefined → embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite data folder (`memory://` for a throw-away in-memory database). */
  dataDir: string;
  host: string;
  port: number;
  /** 32-byte AES-256-GCM key for hook URLs at rest; undefined → generated and kept in `dataDir` (PGlite only). */
  encryptionKey?: Buffer;
  adminToken?: string;
  ed25519PublicKey: string;
  rsaPublicKey: string;
  acceptRsa: boolean;
  /** Expected `appId` (the marketplace app id: the client id's part before `-`). */
  appId?: string;
  ghlApiBaseUrl: string;
  /** URL prefixes accepted as hook targets besides Zapier's (local tests only). */
  extraTargetPrefixes: string[];
  retentionDays: number;
  maxBodyBytes: number;
  maxAttempts: number;
  retryDelaySeconds: number;
  retryDelayMaxSeconds: number;
  deliveryTimeoutMs: number;
  /** Deliveries in flight at once in this process (0: accept and store only; another process delivers). */
  workers: number;
  /** Subscription requests per minute per client IP. */
  rateLimitPerMinute: number;
  /** A store slower than this answers 429 + Retry-After instead of keeping HighLevel waiting. */
  storeTimeoutMs: number;
  /** Seconds HighLevel is asked to wait when the relay cannot store an event. */
  retryAfterSeconds: number;
  pollSeconds: number;
  maxSubscriptionsPerLocation: number;
  logLevel: string;
  /** Take the client IP from X-Forwarded-For (set behind a load balancer). */
  trustProxy: boolean;
  /** Enables POST /v1/test/db (makes the database unreachable on demand) — tests only. */
  testHooks: boolean;
}

function num(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

/** Accepts 32 bytes as base64 (44 chars) or hex (64 chars). Throws naming the variable otherwise. */
export function parseKey(raw: string | undefined, name = 'RELAY_ENCRYPTION_KEY'): Buffer | undefined {
  if (!raw) return undefined;
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32)
    throw new Error(`${name} must be 32 bytes (64 hex characters or base64); generate one with: openssl rand -base64 32`);
  return key;
}

/** Reads the relay's settings; throws with the variable's name when one is invalid. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): RelayConfig {
  const pem = (v: string | undefined) => (v ? v.replace(/\\n/g, '\n') : undefined);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.RELAY_DATA_DIR || '.relay-data',
    host: env.RELAY_HOST || env.HOST || '127.0.0.1',
    port: num(env, 'PORT', 8787),
    encryptionKey: parseKey(env.RELAY_ENCRYPTION_KEY),
    adminToken: env.RELAY_ADMIN_TOKEN || undefined,
    ed25519PublicKey: pem(env.GHL_WEBHOOK_PUBLIC_KEY) ?? HIGHLEVEL_ED25519_PUBLIC_KEY,
    rsaPublicKey: pem(env.GHL_WEBHOOK_RSA_PUBLIC_KEY) ?? HIGHLEVEL_RSA_PUBLIC_KEY,
    acceptRsa: env.RELAY_ACCEPT_RSA_SIGNATURE === '1' || env.RELAY_ACCEPT_RSA_SIGNATURE === 'true',
    appId: env.GHL_APP_ID ? env.GHL_APP_ID.split('-')[0] : undefined,
    ghlApiBaseUrl: (env.GHL_API_BASE_URL || 'https://services.leadconnectorhq.com').replace(/\/+$/, ''),
    extraTargetPrefixes: (env.RELAY_ALLOWED_TARGET_PREFIXES || '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    retentionDays: num(env, 'RELAY_RETENTION_DAYS', 7),
    maxBodyBytes: num(env, 'RELAY_MAX_BODY_BYTES', 1024 * 1024),
    maxAttempts: Math.max(1, num(env, 'RELAY_MAX_ATTEMPTS', 8)),
    retryDelaySeconds: Math.max(1, num(env, 'RELAY_RETRY_DELAY_SECONDS', 5)),
    retryDelayMaxSeconds: num(env, 'RELAY_RETRY_DELAY_MAX_SECONDS', 3600),
    deliveryTimeoutMs: num(env, 'RELAY_DELIVERY_TIMEOUT_MS', 10_000),
    workers: num(env, 'RELAY_WORKERS', 64),
    rateLimitPerMinute: num(env, 'RELAY_RATE_LIMIT_PER_MINUTE', 60),
    storeTimeoutMs: num(env, 'RELAY_STORE_TIMEOUT_MS', 5000),
    retryAfterSeconds: num(env, 'RELAY_RETRY_AFTER_SECONDS', 60),
    pollSeconds: Math.max(0.5, num(env, 'RELAY_POLL_SECONDS', 0.5)),
    maxSubscriptionsPerLocation: num(env, 'RELAY_MAX_SUBSCRIPTIONS_PER_LOCATION', 500),
    logLevel: env.RELAY_LOG_LEVEL || 'info',
    trustProxy: env.RELAY_TRUST_PROXY === '1' || env.RELAY_TRUST_PROXY === 'true',
    testHooks: env.RELAY_TEST_HOOKS === '1',
  };
}
