import { newId, Rec, SandboxState } from '../state';
import { assertLocation, ok, Route } from './route';

// Workflows and campaigns: read-only lists, seeded once per sandbox.

const stores = new WeakMap<SandboxState, { workflows: Rec[]; campaigns: Rec[] }>();

function lists(state: SandboxState) {
  let store = stores.get(state);
  if (!store) {
    const at = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000).toISOString();
    const workflow = (name: string, status: string) => ({
      id: `${newId(8)}-${newId(4)}-${newId(4)}-${newId(4)}-${newId(12)}`.toLowerCase(),
      name,
      status,
      version: 1,
      createdAt: at,
      updatedAt: at,
      locationId: state.locationId,
    });
    const campaign = (name: string, status: string) => ({ id: newId(), name, status, locationId: state.locationId });
    store = {
      workflows: [workflow('New Lead Nurture', 'published'), workflow('Quote Follow-Up', 'published'), workflow('Review Request', 'draft')],
      campaigns: [campaign('Spring Tune-Up Reminders', 'published'), campaign('Winter Pipe Check', 'draft')],
    };
    stores.set(state, store);
  }
  return store;
}

export const workflowRoutes: Route[] = [
  {
    method: 'GET',
    path: '/workflows/',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      return ok({ workflows: lists(state).workflows.filter((w) => w.locationId === req.locationId) });
    },
  },
  {
    method: 'GET',
    path: '/campaigns/',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      const status = req.query.status;
      return ok({ campaigns: lists(state).campaigns.filter((c) => c.locationId === req.locationId && (!status || c.status === status)) });
    },
  },
];
