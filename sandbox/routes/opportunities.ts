import { newId, pick, Rec, SandboxState } from '../state';
import { assertLocation, contactOf, created, fail, ok, Route, RouteRequest } from './route';

// Pipelines and opportunities, kept beside the shared state (one store per sandbox) and seeded on first use:
// one pipeline with three stages and an opportunity for each of the first two contacts.

interface Store {
  pipelines: Rec[];
  opportunities: Map<string, Rec>;
  /** Followers live apart from the record: the spec types a record's `followers` items as arrays. */
  followers: Map<string, string[]>;
}

const stores = new WeakMap<SandboxState, Store>();
const DAY_MS = 24 * 60 * 60 * 1000;
const EDITABLE = ['name', 'pipelineId', 'pipelineStageId', 'status', 'monetaryValue', 'assignedTo', 'source'];
const STATUSES = ['open', 'won', 'lost', 'abandoned'];
const SORT_KEYS: Record<string, string> = {
  date_added: 'createdAt',
  date_updated: 'updatedAt',
  last_stage_change_date: 'lastStageChangeAt',
  last_status_change_date: 'lastStatusChangeAt',
  name: 'name',
  monetary_value: 'monetaryValue',
};
const FILTER_KEYS: Record<string, string> = {
  id: 'id',
  pipeline_id: 'pipelineId',
  pipeline_stage_id: 'pipelineStageId',
  status: 'status',
  contact_id: 'contactId',
  assigned_to: 'assignedTo',
};

export function opportunityStore(state: SandboxState): Store {
  let store = stores.get(state);
  if (store) return store;
  const stage = (name: string, position: number) => ({
    id: `${newId(8)}-${newId(4)}-${newId(4)}`.toLowerCase(),
    name,
    position,
    showInFunnel: true,
    showInPieChart: true,
  });
  const pipeline = {
    id: newId(),
    name: 'Service Sales',
    stages: [stage('New Lead', 0), stage('Quote Sent', 1), stage('Job Booked', 2)],
    showInFunnel: true,
    showInPieChart: true,
    locationId: state.locationId,
  };
  store = { pipelines: [pipeline], opportunities: new Map(), followers: new Map() };
  stores.set(state, store);
  const start = Date.now() - 3 * DAY_MS;
  state
    .contactsOf(state.locationId)
    .slice(0, 2)
    .forEach((contact, i) => {
      const at = new Date(start + i * DAY_MS).toISOString();
      const opportunity = {
        id: newId(),
        name: `${contact.name ?? 'Customer'} – ${i ? 'Leak repair' : 'Water heater'}`,
        monetaryValue: i ? 450 : 2800,
        pipelineId: pipeline.id,
        pipelineStageId: pipeline.stages[i].id,
        assignedTo: contact.assignedTo,
        status: 'open',
        source: 'Website form',
        contactId: contact.id,
        locationId: state.locationId,
        customFields: [],
        createdAt: at,
        updatedAt: at,
        lastStageChangeAt: at,
        lastStatusChangeAt: at,
        lastActionDate: at,
      };
      store!.opportunities.set(opportunity.id, opportunity);
    });
  return store;
}

/** The record as HighLevel answers it: the contact's summary attached, custom field values as `fieldValue`. */
function view(state: SandboxState, o: Rec): Rec {
  const contact = state.contacts.get(o.contactId);
  return {
    ...o,
    ...(contact ? { contact: pick(contact, ['id', 'name', 'companyName', 'email', 'phone', 'tags']) } : {}),
    customFields: (o.customFields ?? []).map((c: Rec) => ({ id: c.id, fieldValue: c.fieldValue ?? c.field_value })),
  };
}

function opportunityOf(req: RouteRequest, state: SandboxState): Rec {
  const o = opportunityStore(state).opportunities.get(req.params.id);
  if (!o || o.locationId !== req.locationId) fail(404, 'Opportunity not found');
  return o;
}

function checkPipeline(state: SandboxState, pipelineId: unknown, stageId: unknown) {
  const pipeline = opportunityStore(state).pipelines.find((p) => p.id === pipelineId);
  if (!pipeline) fail(400, 'Pipeline not found');
  if (stageId !== undefined && !pipeline.stages.some((s: Rec) => s.id === stageId)) fail(400, 'Pipeline stage not found');
  return pipeline;
}

function checkStatus(status: unknown) {
  if (status !== undefined && !STATUSES.includes(String(status))) fail(422, [`status must be one of: ${STATUSES.join(', ')}`]);
}

/** Applies changes, stamping stage and status changes as HighLevel does. */
function save(state: SandboxState, o: Rec, changes: Rec): Rec {
  const accepted = pick(changes, EDITABLE);
  checkStatus(accepted.status);
  const pipelineId = accepted.pipelineId ?? o.pipelineId;
  if (accepted.pipelineId !== undefined || accepted.pipelineStageId !== undefined)
    checkPipeline(state, pipelineId, accepted.pipelineStageId);
  const now = state.now();
  const next: Rec = { ...o, ...accepted, updatedAt: now, lastActionDate: now };
  if (Array.isArray(changes.customFields)) next.customFields = mergeCustomFields(o.customFields ?? [], changes.customFields);
  if (next.pipelineStageId !== o.pipelineStageId) next.lastStageChangeAt = now;
  if (next.status !== o.status) next.lastStatusChangeAt = now;
  opportunityStore(state).opportunities.set(next.id, next);
  return next;
}

function mergeCustomFields(current: Rec[], changes: Rec[]): Rec[] {
  const byId = new Map(current.map((c) => [c.id, c]));
  for (const c of changes) if (c && typeof c.id === 'string') byId.set(c.id, { id: c.id, fieldValue: c.field_value });
  return [...byId.values()];
}

function create(state: SandboxState, req: RouteRequest, body: Rec): Rec {
  checkStatus(body.status);
  const pipeline = checkPipeline(state, body.pipelineId, body.pipelineStageId);
  const contact = contactOf(req, state, body.contactId);
  const now = state.now();
  const o: Rec = {
    id: newId(),
    ...pick(body, EDITABLE),
    pipelineStageId: body.pipelineStageId ?? pipeline.stages[0]?.id,
    status: body.status ?? 'open',
    contactId: contact.id,
    locationId: req.locationId,
    customFields: mergeCustomFields([], Array.isArray(body.customFields) ? body.customFields : []),
    createdAt: now,
    updatedAt: now,
    lastStageChangeAt: now,
    lastStatusChangeAt: now,
    lastActionDate: now,
  };
  opportunityStore(state).opportunities.set(o.id, o);
  return o;
}

function matches(state: SandboxState, o: Rec, filter: Rec): boolean {
  const key = FILTER_KEYS[filter?.field];
  if (!key) fail(422, [`filters: unsupported field ${JSON.stringify(filter?.field)}`]);
  if (filter.operator !== 'eq') fail(422, [`filters: unsupported operator ${JSON.stringify(filter.operator)}`]);
  return String(o[key] ?? '') === String(filter.value);
}

function followersOf(state: SandboxState, o: Rec): string[] {
  return opportunityStore(state).followers.get(o.id) ?? [];
}

export const opportunityRoutes: Route[] = [
  {
    method: 'GET',
    path: '/opportunities/pipelines',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      return ok({ pipelines: opportunityStore(state).pipelines.filter((p) => p.locationId === req.locationId) });
    },
  },
  {
    method: 'POST',
    path: '/opportunities/search',
    handle(req, state) {
      const body = req.body ?? {};
      assertLocation(req, body.locationId);
      const text = String(body.query ?? '')
        .trim()
        .toLowerCase();
      let found = [...opportunityStore(state).opportunities.values()]
        .filter((o) => o.locationId === req.locationId)
        .filter((o) => (body.filters ?? []).every((f: Rec) => matches(state, o, f)))
        .map((o) => view(state, o))
        .filter(
          (o) =>
            !text ||
            [o.name, o.contact?.name, o.contact?.email, o.contact?.phone].some((v) =>
              String(v ?? '')
                .toLowerCase()
                .includes(text),
            ),
        );
      for (const sort of [...(body.sort ?? [])].reverse()) {
        const key = SORT_KEYS[sort?.field];
        if (!key) fail(422, [`sort: unsupported field ${JSON.stringify(sort?.field)}`]);
        const dir = sort.direction === 'desc' ? -1 : 1;
        found = [...found].sort((a, b) => (a[key] < b[key] ? -dir : a[key] > b[key] ? dir : 0));
      }
      const limit = Math.min(Math.max(Number(body.limit) || 20, 1), 500);
      const page = Math.max(Number(body.page) || 1, 1);
      return ok({ opportunities: found.slice((page - 1) * limit, page * limit), total: found.length, aggregations: {} });
    },
  },
  {
    method: 'GET',
    path: '/opportunities/{id}',
    handle: (req, state) => ok({ opportunity: view(state, opportunityOf(req, state)) }),
  },
  {
    method: 'POST',
    path: '/opportunities/',
    handle(req, state) {
      assertLocation(req, req.body?.locationId);
      return created({ opportunity: view(state, create(state, req, req.body)) });
    },
  },
  {
    method: 'PUT',
    path: '/opportunities/{id}',
    handle: (req, state) => ok({ opportunity: view(state, save(state, opportunityOf(req, state), req.body ?? {})) }),
  },
  {
    method: 'PUT',
    path: '/opportunities/{id}/status',
    handle(req, state) {
      save(state, opportunityOf(req, state), { status: req.body?.status });
      return ok({ succeded: true });
    },
  },
  {
    method: 'DELETE',
    path: '/opportunities/{id}',
    handle(req, state) {
      const o = opportunityOf(req, state);
      opportunityStore(state).opportunities.delete(o.id);
      opportunityStore(state).followers.delete(o.id);
      return ok({ succeded: true });
    },
  },
  {
    method: 'POST',
    path: '/opportunities/upsert',
    handle(req, state) {
      const body = req.body ?? {};
      assertLocation(req, body.locationId);
      const all = [...opportunityStore(state).opportunities.values()].filter((o) => o.locationId === req.locationId);
      // Matched by id, else by contact within the pipeline (HighLevel's undocumented key, as the app assumes).
      const existing = body.id
        ? all.find((o) => o.id === body.id)
        : all.find((o) => o.contactId === body.contactId && o.pipelineId === body.pipelineId);
      if (body.id && !existing) fail(404, 'Opportunity not found');
      const record = existing ? save(state, existing, body) : create(state, req, { name: 'Opportunity', ...body });
      return ok({ opportunity: view(state, record), new: !existing });
    },
  },
  {
    method: 'POST',
    path: '/opportunities/{id}/followers',
    handle(req, state) {
      const o = opportunityOf(req, state);
      const before = followersOf(state, o);
      const added = (req.body?.followers ?? []).filter((f: string) => !before.includes(f) && state.users.has(f));
      const followers = [...before, ...added];
      opportunityStore(state).followers.set(o.id, followers);
      return created({ followers, followersAdded: added });
    },
  },
  {
    method: 'DELETE',
    path: '/opportunities/{id}/followers',
    handle(req, state) {
      const o = opportunityOf(req, state);
      const before = followersOf(state, o);
      const removing = req.query.isRemoveAllFollowers === 'true' ? before : (req.body?.followers ?? []);
      const followers = before.filter((f) => !removing.includes(f));
      opportunityStore(state).followers.set(o.id, followers);
      return ok({ followers, followersRemoved: before.filter((f) => removing.includes(f)) });
    },
  },
];
