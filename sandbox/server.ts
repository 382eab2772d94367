import { randomUUID } from 'crypto';
import * as http from 'http';
import { AddressInfo } from 'net';
import { parseMultipart as parseFormData } from '../contract/multipart';
import { checkRequest } from '../contract/openapi';
import { AUTHORIZE_PATH, authorizePage } from './authorize';
import { routes as allRoutes } from './routes';
import { HttpError, Route } from './routes/route';
import { routeFor } from './specFallback';
import { SandboxState } from './state';
import { WebhookOptions, WebhookSender } from './webhooks';

/**
 * A local HighLevel API v2 on 127.0.0.1: the app runs against it with no HighLevel account
 * (`GHL_API_BASE_URL=<url>`). Every request is checked against HighLevel's official OpenAPI specs, and errors
 * come back the way HighLevel words them.
 */

export interface RateLimit {
  /** Requests allowed per window and token. */
  limit: number;
  windowMs: number;
}

export interface SandboxOptions {
  /** 0 (default): a free port. */
  port?: number;
  /** Sample data: users, contacts, tasks, notes (default true). The location always exists. */
  seed?: boolean;
  /** Enforce this burst limit with 429s. Without it the headers count HighLevel's limit but nothing is refused. */
  rateLimit?: RateLimit;
  /** Lifetime of the access tokens `/oauth/token` issues, in seconds (default 86399: HighLevel's 24 hours). */
  tokenTtlSeconds?: number;
  /** Called with every response (e.g. to check bodies against the spec in tests). */
  onResponse?: (response: ResponseRecord) => void;
  /** Send signed webhook events for the changes made (sandbox/webhooks.ts); also settable later. */
  webhooks?: WebhookOptions;
}

export interface RequestRecord {
  method: string;
  /** The path, without the query string. */
  path: string;
  status: number;
  /** The route's template, when one matched. */
  route?: string;
  /** An upload's multipart/form-data parts as received (text as strings, files with their bytes: contract/multipart.ts). */
  form?: Record<string, unknown>;
}

export interface ResponseRecord extends RequestRecord {
  body: unknown;
}

export interface Sandbox {
  url: string;
  port: number;
  close(): Promise<void>;
  state: SandboxState;
  /** Every request served, in order. */
  requests: RequestRecord[];
  /** The webhook events sent for the changes made (configure a URL to send them). */
  webhooks: WebhookSender;
}

// HighLevel's documented limits for marketplace apps: 100 requests per 10 seconds, 200,000 a day.
const HIGHLEVEL_BURST: RateLimit = { limit: 100, windowMs: 10_000 };
const DAILY_LIMIT = 200_000;

const ERROR_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** Fixed-window counters per token, and the X-RateLimit-* headers HighLevel sends with every answer. */
function rateLimiter(options: RateLimit | undefined) {
  const { limit, windowMs } = options ?? HIGHLEVEL_BURST;
  const windows = new Map<string, { start: number; count: number }>();
  const daily = new Map<string, number>();
  return (key: string): { allowed: boolean; headers: Record<string, string> } => {
    const now = Date.now();
    let window = windows.get(key);
    if (!window || now - window.start >= windowMs) windows.set(key, (window = { start: now, count: 0 }));
    const allowed = !options || window.count < limit;
    if (allowed) {
      window.count++;
      daily.set(key, (daily.get(key) ?? 0) + 1);
    }
    return {
      allowed,
      headers: {
        'X-RateLimit-Max': String(limit),
        'X-RateLimit-Remaining': String(Math.max(0, limit - window.count)),
        'X-RateLimit-Interval-Milliseconds': String(windowMs),
        'X-RateLimit-Limit-Daily': String(DAILY_LIMIT),
        'X-RateLimit-Daily-Remaining': String(Math.max(0, DAILY_LIMIT - (daily.get(key) ?? 0))),
      },
    };
  };
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A multipart/form-data body (file uploads), parsed as the contract checker reads it (contract/multipart.ts). */
export function parseMultipart(body: Buffer, contentType: string): Record<string, unknown> {
  try {
    return parseFormData(body, contentType);
  } catch (error) {
    throw new HttpError(400, (error as Error).message);
  }
}

/** The body as the contract sees it (JSON parsed, a form as its string) and as handlers get it (an object). */
function parseBody(body: Buffer, contentType: string): { forContract: unknown; value: unknown } {
  if (/multipart\/form-data/i.test(contentType) && body.length) {
    const value = parseMultipart(body, contentType);
    return { forContract: value, value };
  }
  const raw = body.toString('utf8');
  if (!raw.trim()) return { forContract: undefined, value: undefined };
  if (/x-www-form-urlencoded/i.test(contentType)) return { forContract: raw, value: Object.fromEntries(new URLSearchParams(raw)) };
  try {
    const value = JSON.parse(raw);
    return { forContract: value, value };
  } catch (error) {
    throw new HttpError(400, `Request body is not valid JSON: ${(error as Error).message}`);
  }
}

function bearer(req: http.IncomingMessage): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
}

export function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const state = new SandboxState({ seed: options.seed, tokenTtlSeconds: options.tokenTtlSeconds });
  const routes: Route[] = allRoutes;
  const requests: RequestRecord[] = [];
  const limit = rateLimiter(options.rateLimit);
  const webhooks = new WebhookSender(routes, state, options.webhooks);

  async function serve(req: http.IncomingMessage): Promise<{
    status: number;
    body: unknown;
    headers: Record<string, string>;
    route?: string;
    contentType?: string;
    form?: Record<string, unknown>;
  }> {
    let form: Record<string, unknown> | undefined;
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const token = bearer(req);
    const { allowed, headers } = limit(token ?? 'anonymous');
    // The install screen is a page of HighLevel's marketplace, not an API endpoint: no token, no contract.
    if (method === 'GET' && url.pathname === AUTHORIZE_PATH) {
      const page = authorizePage(url, state);
      return { ...page, headers: page.headers ?? {} };
    }
    // Hand-written routes first; any other spec operation is answered with the spec's example (specFallback.ts).
    const found = routeFor(routes, method, url.pathname);
    try {
      if (!allowed) throw new HttpError(429, 'Too many requests');
      if (!found) throw new HttpError(404, 'Not found');
      // Authentication before validation, as HighLevel's guards run before its validation pipes.
      // An expired token is answered as HighLevel does: 401 Invalid JWT.
      const grant = token ? state.grantOf(token) : undefined;
      if (found.route.auth !== false && !grant) throw new HttpError(401, 'Invalid JWT');
      const body = parseBody(await readBody(req), String(req.headers['content-type'] ?? ''));
      if (/multipart\/form-data/i.test(String(req.headers['content-type'] ?? ''))) form = body.value as Record<string, unknown>;
      const check = checkRequest({ method, url: req.url ?? '/', headers: req.headers, body: body.forContract });
      if (!check.ok) throw new HttpError(422, check.errors);
      const routeRequest = {
        params: found.params,
        query: Object.fromEntries(url.searchParams),
        body: body.value ?? {},
        locationId: grant?.locationId ?? '',
        companyId: grant?.companyId ?? '',
        userType: grant?.userType ?? ('Location' as const),
      };
      const changed = webhooks.watch(method, found.route.path, routeRequest);
      const reply = found.route.handle(routeRequest, state);
      if (changed && reply.status < 300) changed(reply.body);
      return { ...reply, headers: { ...headers, ...reply.headers }, route: found.route.path, form };
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof HttpError ? error.messages : `Sandbox error: ${(error as Error).message}`;
      const extra = error instanceof HttpError ? error.extra : {};
      return {
        status,
        body: { statusCode: status, message, error: ERROR_NAMES[status], ...extra },
        headers,
        route: found?.route.path,
        form,
      };
    }
  }

  const server = http.createServer((req, res) => {
    serve(req).then(({ status, body, headers, route, contentType, form }) => {
      const traceId = randomUUID();
      // Errors carry the traceId in the body, as HighLevel's do; every answer also has it as a header.
      const payload = status >= 400 && body && typeof body === 'object' ? { ...body, traceId } : body;
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      requests.push({ method: req.method ?? 'GET', path, status, ...(route ? { route } : {}), ...(form ? { form } : {}) });
      options.onResponse?.({ method: req.method ?? 'GET', path, status, ...(route ? { route } : {}), body: payload });
      // A file answer (recording, transcript) goes out as it is; everything else is JSON.
      res.writeHead(status, { 'Content-Type': contentType ?? 'application/json; charset=utf-8', 'X-Trace-Id': traceId, ...headers });
      res.end(contentType ? (payload as string | Buffer) : JSON.stringify(payload));
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        state,
        requests,
        webhooks,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections(); // keep-alive sockets of the app's HTTP client would hold it open
          }),
      });
    });
  });
}
