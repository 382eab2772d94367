import * as crypto from 'crypto';
import Fastify, { FastifyInstance, FastifyReply, FastifyRequest, LogController } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { PgBoss } from 'pg-boss' with { 'resolution-mode': 'import' };
import type { RelayConfig } from './config';
import type { Db } from './db';
import { encrypt, keyedHash, sameHex, sha256Hex, verifySignature } from './crypto';
import { IngestBatcher, eventStore, routingScope } from './ingest';
import { statusHtml, statusReport } from './status';
import { wakeWorkers } from './deliver';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Zapier REST hook URLs (https://hooks.zapier.com/hooks/…) plus the configured test prefixes. */
export function targetAllowed(target: string, extraPrefixes: string[]): boolean {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  if (url.protocol === 'https:' && url.hostname === 'hooks.zapier.com' && url.pathname.startsWith('/hooks/') && !url.username && !url.port)
    return true;
  return extraPrefixes.some((p) => target.startsWith(p));
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error('store timed out')), ms);
    }),
  ]);
}

/**
 * The relay's HTTP interface (stable: the app's instant triggers are built on it):
 * - POST /v1/highlevel/webhook — HighLevel's events (raw body, signature verified, stored, 200 only once stored).
 * - POST /v1/subscriptions — Bearer <HighLevel location token>; {targetUrl, locationId, events, triggerKey, filters?} → 201 {id, secret}.
 * - DELETE /v1/subscriptions/:id — header `x-relay-secret: <secret>` (or `Authorization: Bearer <secret>`) → 204.
 * - GET /healthz; GET /status (HTML) and /v1/status (JSON) with the admin token (Bearer, or Basic with it as password).
 */
export async function buildApp(db: Db, boss: PgBoss, cfg: RelayConfig, key: Buffer): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: cfg.logLevel, redact: ['req.headers.authorization', 'req.headers["x-relay-secret"]'] },
    // No per-request lines: the relay logs decisions (rejections, deliveries), never URLs with secrets or bodies.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
    // Behind a load balancer, the client IP (for rate limits) comes from X-Forwarded-For; only trust it when told.
    trustProxy: cfg.trustProxy,
  });
  const keys = {
    ed25519: crypto.createPublicKey(cfg.ed25519PublicKey),
    rsa: cfg.acceptRsa ? crypto.createPublicKey(cfg.rsaPublicKey) : undefined,
  };
  await app.register(rateLimit, { global: false });

  const batcher = new IngestBatcher(await eventStore(db, boss), db.kind === 'pglite' ? 1 : 6);
  const reject = async (reason: string) => {
    // Only the reason is kept (never the body): it feeds the status page's "last rejected signatures".
    await db.query(`INSERT INTO relay.rejection (reason) VALUES ($1)`, [reason]).catch(() => undefined);
  };

  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: cfg.maxBodyBytes }, (_req, body, done) => done(null, body));
    scope.post('/v1/highlevel/webhook', async (req, reply) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const verdict = verifySignature(raw, req.headers, keys);
      if (!verdict.ok) {
        req.log.warn({ reason: verdict.reason }, 'webhook rejected');
        await reject(verdict.reason);
        return reply.code(401).send({ error: 'invalid_signature', message: `Rejected: ${verdict.reason}.` });
      }
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return reply.code(400).send({ error: 'malformed_json', message: 'The body is not valid JSON.' });
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) {
        return reply.code(400).send({ error: 'malformed_json', message: 'The body must be a JSON object.' });
      }
      if (cfg.appId && body.appId !== undefined && String(body.appId).split('-')[0] !== cfg.appId) {
        await reject('appId does not match GHL_APP_ID');
        return reply.code(401).send({ error: 'wrong_app', message: 'The event is for another marketplace app.' });
      }
      const type = typeof body.type === 'string' && body.type ? body.type : 'unknown';
      const webhookId = typeof body.webhookId === 'string' && body.webhookId ? body.webhookId : null;
      const eventKey = webhookId ? `wh:${webhookId}` : `sha256:${sha256Hex(raw)}`;
      const scopeId = routingScope(body);
      try {
        const stored = await withTimeout(batcher.add({ eventKey, webhookId, type, scope: scopeId, raw, body }), cfg.storeTimeoutMs);
        if (stored.deliveries) wakeWorkers();
        if (type === 'unknown' || !scopeId) req.log.info({ type, routed: Boolean(scopeId) }, 'stored an event without type or routing key');
        return reply.code(200).send({ ok: true, duplicate: stored.duplicate, deliveries: stored.deliveries });
      } catch (error) {
        // 429 rather than 503: HighLevel's help article says only 429 is retried (shared/research/instant-triggers.md §1).
        req.log.error({ error: (error as Error).message }, 'could not store webhook');
        return reply
          .code(429)
          .header('retry-after', String(cfg.retryAfterSeconds))
          .send({ error: 'unavailable', message: 'The relay cannot store events right now; retry later.' });
      }
    });
  });

  const limited = { config: { rateLimit: { max: cfg.rateLimitPerMinute, timeWindow: '1 minute' } } };

  app.post('/v1/subscriptions', limited, async (req, reply) => {
    const auth = req.headers.authorization ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim();
    if (!token)
      return reply
        .code(401)
        .send({ error: 'unauthorized', message: 'Send the connection\'s HighLevel location token as "Authorization: Bearer <token>".' });
    const b = (req.body ?? {}) as Record<string, unknown>;
    const problems: string[] = [];
    if (typeof b.targetUrl !== 'string') problems.push('targetUrl (string) is required');
    if (typeof b.locationId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(b.locationId)) problems.push('locationId (string) is required');
    if (typeof b.triggerKey !== 'string' || !b.triggerKey || b.triggerKey.length > 100) problems.push('triggerKey (string) is required');
    const events = Array.isArray(b.events) ? b.events : [];
    if (!events.length || events.length > 50 || !events.every((e) => typeof e === 'string' && /^[A-Za-z]{1,64}$/.test(e))) {
      problems.push('events must be a non-empty list of HighLevel event types, e.g. ["ContactCreate"]');
    }
    if (b.filters !== undefined && (typeof b.filters !== 'object' || b.filters === null || Array.isArray(b.filters)))
      problems.push('filters must be an object');
    if (problems.length) return reply.code(400).send({ error: 'invalid_request', message: problems.join('; ') });
    const targetUrl = b.targetUrl as string;
    if (!targetAllowed(targetUrl, cfg.extraTargetPrefixes)) {
      return reply
        .code(400)
        .send({ error: 'invalid_target', message: 'targetUrl must be a Zapier hook URL (https://hooks.zapier.com/hooks/…).' });
    }
    const locationId = b.locationId as string;
    // Proof that the caller's token reads this location; the token itself is never stored.
    let hl: Response;
    try {
      hl = await fetch(`${cfg.ghlApiBaseUrl}/locations/${encodeURIComponent(locationId)}`, {
        headers: { authorization: `Bearer ${token}`, version: '2021-07-28', accept: 'application/json' },
        signal: AbortSignal.timeout(10_000),
      });
      await hl.arrayBuffer().catch(() => undefined);
    } catch {
      return reply.code(502).send({ error: 'highlevel_unreachable', message: 'Could not reach HighLevel to verify the token; try again.' });
    }
    if (hl.status === 401 || hl.status === 403 || hl.status === 404 || hl.status === 400 || hl.status === 422) {
      return reply
        .code(401)
        .send({ error: 'unauthorized', message: `HighLevel rejected the token for location ${locationId} (HTTP ${hl.status}).` });
    }
    if (!hl.ok)
      return reply
        .code(502)
        .send({ error: 'highlevel_error', message: `HighLevel answered HTTP ${hl.status} while verifying the token; try again.` });

    const targetHash = keyedHash(key, 'target', targetUrl);
    const count = await db.query(`SELECT count(*)::int AS n FROM relay.subscription WHERE scope_id = $1`, [locationId]);
    const existing = await db.query<{ id: string }>(`SELECT id FROM relay.subscription WHERE target_hash = $1`, [targetHash]);
    if (!existing.rows.length && count.rows[0].n >= cfg.maxSubscriptionsPerLocation) {
      return reply
        .code(429)
        .send({ error: 'too_many_subscriptions', message: `Location ${locationId} has ${count.rows[0].n} subscriptions, the limit.` });
    }
    const id = existing.rows[0]?.id ?? crypto.randomUUID();
    // Deterministic per subscription, so a repeated subscribe answers the same {id, secret}; stored only as a hash.
    const secret = crypto.createHmac('sha256', key).update(`subscription-secret:${id}`).digest('base64url');
    const saved = await db.query<{ id: string }>(
      `INSERT INTO relay.subscription (id, scope_id, events, trigger_key, filters, target_enc, target_hash, secret_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (target_hash) DO UPDATE SET scope_id = EXCLUDED.scope_id, events = EXCLUDED.events,
         trigger_key = EXCLUDED.trigger_key, filters = EXCLUDED.filters, status = 'active'
       RETURNING id`,
      [
        id,
        locationId,
        events,
        b.triggerKey,
        b.filters ? JSON.stringify(b.filters) : null,
        encrypt(key, targetUrl),
        targetHash,
        sha256Hex(secret),
      ],
    );
    const savedId = saved.rows[0].id;
    const savedSecret =
      savedId === id ? secret : crypto.createHmac('sha256', key).update(`subscription-secret:${savedId}`).digest('base64url');
    req.log.info({ subscription: savedId, location: locationId, events }, 'subscribed');
    return reply.code(201).send({ id: savedId, secret: savedSecret });
  });

  app.delete('/v1/subscriptions/:id', limited, async (req, reply) => {
    const { id } = req.params as { id: string };
    const header = req.headers['x-relay-secret'];
    const secret = (Array.isArray(header) ? header[0] : header) ?? /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
    if (!secret)
      return reply.code(401).send({ error: 'unauthorized', message: 'Send the subscription secret in the x-relay-secret header.' });
    if (!UUID.test(id)) return reply.code(204).send();
    const found = await db.query<{ secret_hash: string }>(`SELECT secret_hash FROM relay.subscription WHERE id = $1`, [id]);
    if (!found.rows.length) return reply.code(204).send(); // already gone: unsubscribe is idempotent
    if (!sameHex(found.rows[0].secret_hash, sha256Hex(secret)))
      return reply.code(401).send({ error: 'unauthorized', message: 'Wrong subscription secret.' });
    await db.query(`DELETE FROM relay.subscription WHERE id = $1`, [id]);
    req.log.info({ subscription: id }, 'unsubscribed');
    return reply.code(204).send();
  });

  app.get('/healthz', async (_req, reply) => {
    try {
      await db.query('SELECT 1');
      return { ok: true, database: db.kind };
    } catch {
      return reply.code(503).send({ ok: false, database: db.kind });
    }
  });

  const admin = (req: FastifyRequest, reply: FastifyReply): boolean => {
    const auth = req.headers.authorization ?? '';
    let given: string | undefined = /^Bearer\s+(.+)$/i.exec(auth)?.[1];
    const basic = /^Basic\s+(.+)$/i.exec(auth)?.[1];
    if (basic) given = Buffer.from(basic, 'base64').toString('utf8').split(':').slice(1).join(':');
    const ok = Boolean(cfg.adminToken && given && sameHex(sha256Hex(given), sha256Hex(cfg.adminToken)));
    if (!ok) {
      reply
        .code(401)
        .header('www-authenticate', 'Basic realm="relay status"')
        .send({ error: 'unauthorized', message: 'Admin token required (RELAY_ADMIN_TOKEN).' });
    }
    return ok;
  };
  app.get('/v1/status', async (req, reply) => {
    if (!admin(req, reply)) return reply;
    return statusReport(db);
  });
  app.get('/status', async (req, reply) => {
    if (!admin(req, reply)) return reply;
    return reply.type('text/html; charset=utf-8').send(statusHtml(await statusReport(db)));
  });

  if (cfg.testHooks) {
    app.post('/v1/test/db', async (req) => {
      db.setDown(Boolean((req.body as { down?: boolean })?.down));
      return { ok: true };
    });
  }
  return app;
}
