import { randomUUID, sign, createPrivateKey, KeyObject } from 'crypto';
import { findRoute, Route, RouteRequest } from './routes/route';
import { Rec, SandboxState } from './state';

/**
 * The sandbox speaks webhooks: for the changes it makes, it POSTs HighLevel's webhook events to a configured URL
 * (the relay's `/v1/highlevel/webhook`), signed like HighLevel's: `x-ghl-signature` = base64 Ed25519 signature of
 * the raw JSON body. Payloads follow `docs/webhook events/*.md` in GoHighLevel/highlevel-api-docs, with the
 * envelope the real ones carry (`webhookId`, `timestamp`, `appId`; WebhookAuthentication.md and #264), and two
 * documented quirks of the real service: a new task's event lacks `contactId` and `body` (#332), and one
 * opportunity change sends OpportunityUpdate plus the specific event (#27).
 */

/**
 * TEST ONLY key pair (generated for this repository; never HighLevel's). The relay verifies the sandbox's events
 * when started with `GHL_WEBHOOK_PUBLIC_KEY` set to SANDBOX_WEBHOOK_PUBLIC_KEY.
 */
export const SANDBOX_WEBHOOK_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIIBMLb3qJdktdoXbrtT2eudRKaM/CmhC8Xts+Qrx1Trt
-----END PRIVATE KEY-----
`;
export const SANDBOX_WEBHOOK_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAYltsLo7kqfSky3KcHP1XC2YTj2FhFZm1VuwtlXCb/TE=
-----END PUBLIC KEY-----
`;
export const SANDBOX_APP_ID = 'sandbox-app';

export interface WebhookOptions {
  /** Where to POST events (the relay's webhook URL). Without it nothing is sent. */
  url?: string;
  /** PEM of the Ed25519 private key (default: the sandbox test key). */
  privateKey?: string;
  appId?: string;
}

export interface SentWebhook {
  type: string;
  webhookId: string;
  /** When the change was made (ms since epoch), before the POST. */
  madeAt: number;
  status?: number;
  error?: string;
  ms?: number;
}

/** Signs a raw body as HighLevel does (Ed25519 over the exact bytes, base64). */
export function signBody(raw: string | Buffer, privateKey: string | KeyObject = SANDBOX_WEBHOOK_PRIVATE_KEY): string {
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  return sign(null, Buffer.isBuffer(raw) ? raw : Buffer.from(raw), key).toString('base64');
}

// ---- Payload shapes (docs/webhook events) -------------------------------------------------------------------

const CONTACT_KEYS = [
  'id',
  'locationId',
  'address1',
  'city',
  'state',
  'companyName',
  'country',
  'source',
  'dateAdded',
  'dateOfBirth',
  'dnd',
  'email',
  'name',
  'firstName',
  'lastName',
  'phone',
  'postalCode',
  'tags',
  'website',
  'assignedTo',
  'customFields',
];
const pickKeys = (r: Rec | undefined, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => r?.[k] !== undefined).map((k) => [k, r![k]]));

export const contactEvent = (type: string, c: Rec): Rec => ({
  type,
  ...pickKeys(c, CONTACT_KEYS),
  attachments: [],
  customFields: (c.customFields ?? []).map((f: Rec) => ({ id: f.id, value: f.value })),
  ...(type === 'ContactDndUpdate' ? { dndSettings: c.dndSettings ?? {} } : {}),
});
export const noteEvent = (type: string, n: Rec, locationId: string): Rec => ({
  type,
  locationId,
  ...pickKeys(n, ['id', 'body', 'contactId', 'dateAdded']),
});
export const taskEvent = (type: string, t: Rec, locationId: string): Rec => ({
  type,
  locationId,
  ...pickKeys(t, ['id', 'assignedTo', 'title', 'dueDate', 'dateAdded']),
  // HighLevel's real TaskCreate lacks both (#332); the other task events carry them.
  ...(type === 'TaskCreate' ? {} : pickKeys(t, ['body', 'contactId'])),
});
const APPOINTMENT_KEYS = [
  'id',
  'address',
  'title',
  'calendarId',
  'contactId',
  'groupId',
  'appointmentStatus',
  'assignedUserId',
  'users',
  'notes',
  'source',
  'startTime',
  'endTime',
  'dateAdded',
  'dateUpdated',
];
export const appointmentEvent = (type: string, a: Rec): Rec => ({
  type,
  locationId: a.locationId,
  appointment: { source: 'booking_widget', ...pickKeys(a, APPOINTMENT_KEYS) },
});
export const opportunityEvent = (type: string, o: Rec): Rec => ({
  type,
  locationId: o.locationId,
  ...pickKeys(o, ['id', 'assignedTo', 'contactId', 'monetaryValue', 'name', 'pipelineId', 'pipelineStageId', 'source', 'status']),
  dateAdded: o.createdAt ?? o.dateAdded,
});
/** API `TYPE_SMS` → the webhook's `SMS` (the webhook docs use the short names). */
const WEBHOOK_MESSAGE_TYPES: Record<string, string> = {
  TYPE_SMS: 'SMS',
  TYPE_EMAIL: 'Email',
  TYPE_CALL: 'CALL',
  TYPE_WHATSAPP: 'WhatsApp',
  TYPE_FACEBOOK: 'FB',
  TYPE_INSTAGRAM: 'IG',
  TYPE_GMB: 'GMB',
  TYPE_LIVE_CHAT: 'Live_Chat',
};
export const messageEvent = (type: string, m: Rec): Rec => ({
  type,
  locationId: m.locationId,
  attachments: m.attachments ?? [],
  ...pickKeys(m, ['body', 'contactId', 'contentType', 'conversationId', 'dateAdded', 'direction', 'status', 'source', 'userId']),
  messageType: WEBHOOK_MESSAGE_TYPES[m.messageType] ?? m.messageType,
  messageId: m.id,
  ...(m.messageType === 'TYPE_EMAIL'
    ? { emailMessageId: m.id, threadId: m.threadId ?? m.id, ...pickKeys(m.meta?.email ?? m, ['subject', 'from', 'to']) }
    : {}),
});

const sameList = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

// ---- Which change sends which events -------------------------------------------------------------------------

type Get = (path: string) => Rec | undefined;
interface Change {
  req: RouteRequest;
  body: Rec;
  before?: Rec;
  get: Get;
}
interface Rule {
  method: string;
  path: string;
  /** The record before the change (a GET path), for diffs and deletes. */
  before?: (req: RouteRequest) => string;
  events: (change: Change) => Rec[];
}

const contactPath = (id: string) => `/contacts/${id}`;
const contactAfter = (c: Change, id: string) => c.get(contactPath(id))?.contact;

function contactChangeEvents(c: Change, id: string, includeUpdate: boolean): Rec[] {
  const after = contactAfter(c, id);
  if (!after) return [];
  const events = includeUpdate ? [contactEvent('ContactUpdate', after)] : [];
  if (!sameList(c.before?.contact?.tags, after.tags)) events.push(contactEvent('ContactTagUpdate', after));
  if (c.before?.contact?.dnd !== after.dnd || !sameList(c.before?.contact?.dndSettings, after.dndSettings))
    events.push(contactEvent('ContactDndUpdate', after));
  return events;
}

function opportunityChangeEvents(c: Change): Rec[] {
  const after = c.get(`/opportunities/${c.req.params.id}`)?.opportunity;
  const before = c.before?.opportunity;
  if (!after) return [];
  const events = [opportunityEvent('OpportunityUpdate', after)];
  if (before?.pipelineStageId !== after.pipelineStageId || before?.pipelineId !== after.pipelineId)
    events.push(opportunityEvent('OpportunityStageUpdate', after));
  if (before?.status !== after.status) events.push(opportunityEvent('OpportunityStatusUpdate', after));
  if (before?.monetaryValue !== after.monetaryValue) events.push(opportunityEvent('OpportunityMonetaryValueUpdate', after));
  if (before?.assignedTo !== after.assignedTo) events.push(opportunityEvent('OpportunityAssignedToUpdate', after));
  return events;
}

const RULES: Rule[] = [
  { method: 'POST', path: '/contacts/', events: (c) => [contactEvent('ContactCreate', c.body.contact)] },
  {
    method: 'POST',
    path: '/contacts/upsert',
    events: (c) => (c.body.new ? [contactEvent('ContactCreate', c.body.contact)] : [contactEvent('ContactUpdate', c.body.contact)]),
  },
  {
    method: 'PUT',
    path: '/contacts/{contactId}',
    before: (r) => contactPath(r.params.contactId),
    events: (c) => contactChangeEvents(c, c.req.params.contactId, true),
  },
  {
    method: 'POST',
    path: '/contacts/{contactId}/tags',
    before: (r) => contactPath(r.params.contactId),
    events: (c) => contactChangeEvents(c, c.req.params.contactId, false),
  },
  {
    method: 'DELETE',
    path: '/contacts/{contactId}/tags',
    before: (r) => contactPath(r.params.contactId),
    events: (c) => contactChangeEvents(c, c.req.params.contactId, false),
  },
  {
    method: 'DELETE',
    path: '/contacts/{contactId}',
    before: (r) => contactPath(r.params.contactId),
    events: (c) => (c.before?.contact ? [contactEvent('ContactDelete', c.before.contact)] : []),
  },
  { method: 'POST', path: '/contacts/{contactId}/notes', events: (c) => [noteEvent('NoteCreate', c.body.note, c.req.locationId)] },
  { method: 'PUT', path: '/contacts/{contactId}/notes/{id}', events: (c) => [noteEvent('NoteUpdate', c.body.note, c.req.locationId)] },
  {
    method: 'DELETE',
    path: '/contacts/{contactId}/notes/{id}',
    before: (r) => `/contacts/${r.params.contactId}/notes/${r.params.id}`,
    events: (c) => (c.before?.note ? [noteEvent('NoteDelete', c.before.note, c.req.locationId)] : []),
  },
  {
    method: 'POST',
    path: '/contacts/{contactId}/tasks',
    events: (c) => [taskEvent('TaskCreate', { ...c.body.task, dateAdded: new Date().toISOString() }, c.req.locationId)],
  },
  {
    method: 'PUT',
    path: '/contacts/{contactId}/tasks/{taskId}/completed',
    before: (r) => `/contacts/${r.params.contactId}/tasks/${r.params.taskId}`,
    events: (c) => (c.body.task?.completed && !c.before?.task?.completed ? [taskEvent('TaskComplete', c.body.task, c.req.locationId)] : []),
  },
  {
    method: 'DELETE',
    path: '/contacts/{contactId}/tasks/{taskId}',
    before: (r) => `/contacts/${r.params.contactId}/tasks/${r.params.taskId}`,
    events: (c) => (c.before?.task ? [taskEvent('TaskDelete', c.before.task, c.req.locationId)] : []),
  },
  {
    method: 'POST',
    path: '/calendars/events/appointments',
    events: (c) => {
      const event = c.get(`/calendars/events/appointments/${c.body.id}`)?.event;
      return event ? [appointmentEvent('AppointmentCreate', event)] : [];
    },
  },
  {
    method: 'PUT',
    path: '/calendars/events/appointments/{eventId}',
    events: (c) => {
      const event = c.get(`/calendars/events/appointments/${c.req.params.eventId}`)?.event;
      return event ? [appointmentEvent('AppointmentUpdate', event)] : [];
    },
  },
  {
    method: 'DELETE',
    path: '/calendars/events/{eventId}',
    before: (r) => `/calendars/events/appointments/${r.params.eventId}`,
    events: (c) => (c.before?.event ? [appointmentEvent('AppointmentDelete', c.before.event)] : []),
  },
  // One change, two events (#27): the generic update and the specific one.
  {
    method: 'POST',
    path: '/opportunities/',
    events: (c) => [opportunityEvent('OpportunityCreate', c.body.opportunity), opportunityEvent('OpportunityUpdate', c.body.opportunity)],
  },
  { method: 'PUT', path: '/opportunities/{id}', before: (r) => `/opportunities/${r.params.id}`, events: opportunityChangeEvents },
  { method: 'PUT', path: '/opportunities/{id}/status', before: (r) => `/opportunities/${r.params.id}`, events: opportunityChangeEvents },
  {
    method: 'DELETE',
    path: '/opportunities/{id}',
    before: (r) => `/opportunities/${r.params.id}`,
    events: (c) =>
      c.before?.opportunity
        ? [opportunityEvent('OpportunityDelete', c.before.opportunity), opportunityEvent('OpportunityUpdate', c.before.opportunity)]
        : [],
  },
  {
    method: 'POST',
    path: '/conversations/messages',
    events: (c) => {
      const m = c.get(`/conversations/messages/${c.body.messageId}`);
      return m ? [messageEvent('OutboundMessage', { locationId: c.req.locationId, ...(m.message ?? m) })] : [];
    },
  },
  {
    method: 'POST',
    path: '/conversations/messages/inbound',
    events: (c) => {
      const m = c.get(`/conversations/messages/${c.body.messageId}`);
      return m ? [messageEvent('InboundMessage', { locationId: c.req.locationId, ...(m.message ?? m) })] : [];
    },
  },
];

/**
 * Watches the sandbox's changes and sends their events, one at a time in the order the changes were made (as
 * HighLevel's per-location order), after the change's own answer.
 */
export class WebhookSender {
  readonly sent: SentWebhook[] = [];
  private queue: Promise<void> = Promise.resolve();
  private key: KeyObject;

  constructor(
    private readonly routes: Route[],
    private readonly state: SandboxState,
    private options: WebhookOptions = {},
  ) {
    this.key = createPrivateKey(options.privateKey ?? SANDBOX_WEBHOOK_PRIVATE_KEY);
  }

  /** Points the sandbox at a (new) webhook URL; undefined stops sending. */
  configure(options: WebhookOptions): void {
    this.options = { ...this.options, ...options };
    if (options.privateKey) this.key = createPrivateKey(options.privateKey);
  }

  get url(): string | undefined {
    return this.options.url;
  }

  /** Before a request is handled: returns the function to call with its successful answer, or undefined. */
  watch(method: string, path: string, req: RouteRequest): ((body: unknown) => void) | undefined {
    if (!this.options.url) return undefined;
    const rule = RULES.find((r) => r.method === method && r.path === path);
    if (!rule) return undefined;
    const get = (p: string) => this.get(p, req);
    const before = rule.before ? get(rule.before(req)) : undefined;
    return (body) => {
      let events: Rec[] = [];
      try {
        events = rule.events({ req, body: (body ?? {}) as Rec, before, get }).filter(Boolean);
      } catch (error) {
        this.sent.push({
          type: `${method} ${path}`,
          webhookId: '',
          madeAt: Date.now(),
          error: `event not built: ${(error as Error).message}`,
        });
      }
      for (const event of events) this.send(event);
    };
  }

  /** Resolves once every event queued so far has been posted (or failed). */
  idle(): Promise<void> {
    return this.queue;
  }

  /** Queues one event: the envelope is added, the raw body signed and POSTed. */
  send(event: Rec): SentWebhook {
    const record: SentWebhook = { type: String(event.type), webhookId: randomUUID(), madeAt: Date.now() };
    const payload = {
      ...event,
      webhookId: record.webhookId,
      timestamp: new Date(record.madeAt).toISOString(),
      appId: this.options.appId ?? SANDBOX_APP_ID,
    };
    this.sent.push(record);
    const url = this.options.url;
    this.queue = this.queue.then(async () => {
      if (!url) return;
      const raw = JSON.stringify(payload);
      const started = Date.now();
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'x-ghl-signature': signBody(raw, this.key) },
          body: raw,
        });
        await response.arrayBuffer();
        record.status = response.status;
      } catch (error) {
        record.error = (error as Error).message;
      }
      record.ms = Date.now() - started;
    });
    return record;
  }

  /** A GET through the sandbox's own routes, as the same token: the record before or after a change. */
  private get(path: string, req: RouteRequest): Rec | undefined {
    const found = findRoute(this.routes, 'GET', path);
    if (!found) return undefined;
    try {
      const reply = found.route.handle({ ...req, params: found.params, query: {}, body: {} }, this.state);
      return reply.status < 300 ? (reply.body as Rec) : undefined;
    } catch {
      return undefined;
    }
  }
}
