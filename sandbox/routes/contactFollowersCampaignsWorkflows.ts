import { Rec, SandboxState } from '../state';
import { calendarRoutes } from './calendars';
import { assertLocation, contactOf, created, fail, ok, Route, RouteRequest } from './route';

// A contact's followers, campaigns, workflows and appointments, and the location's tags and custom fields.
// Campaign and workflow ids are recorded as given: their lists live in workflows.ts's own store.

/** A contact's followers are HighLevel user ids; ids the location does not have are refused. */
function followersOf(req: RouteRequest, state: SandboxState): string[] {
  const users = new Set(state.usersOf(req.locationId).map((u) => u.id));
  const followers = (req.body.followers as unknown[]).map(String);
  const unknown = followers.filter((id) => !users.has(id));
  if (unknown.length) fail(400, `Users not found: ${unknown.join(', ')}`);
  return followers;
}

function saveFollowers(state: SandboxState, contact: Rec, followers: string[]) {
  state.contacts.set(contact.id, { ...contact, followers, dateUpdated: state.now() });
}

/**
 * Another module's GET route, called in-process: appointments live in the calendars module's own store, which
 * is read only through its routes.
 */
function calendarRoute(path: string): Route {
  const route = calendarRoutes.find((r) => r.method === 'GET' && r.path === path);
  if (!route) throw new Error(`sandbox: no calendar route GET ${path}`);
  return route;
}

/** Every appointment of a contact across the location's calendars, newest start first. */
function appointmentsOf(req: RouteRequest, state: SandboxState, contactId: string): Rec[] {
  const sub = (query: Record<string, string>): RouteRequest => ({ ...req, params: {}, query: { locationId: req.locationId, ...query } });
  const calendars = (calendarRoute('/calendars/').handle(sub({}), state).body as Rec).calendars as Rec[];
  const everything = { startTime: '0', endTime: String(Number.MAX_SAFE_INTEGER) };
  const events = calendars.flatMap(
    (c) => (calendarRoute('/calendars/events').handle(sub({ ...everything, calendarId: c.id }), state).body as Rec).events as Rec[],
  );
  return events.filter((e) => e.contactId === contactId).sort((a, b) => (a.startTime < b.startTime ? 1 : -1));
}

export const contactExtraRoutes: Route[] = [
  {
    method: 'POST',
    path: '/contacts/{contactId}/followers',
    handle(req, state) {
      const contact = contactOf(req, state, req.params.contactId);
      const before: string[] = contact.followers ?? [];
      const followers = [...new Set([...before, ...followersOf(req, state)])];
      saveFollowers(state, contact, followers);
      return created({ followers, followersAdded: followers.filter((id) => !before.includes(id)) });
    },
  },
  {
    method: 'DELETE',
    path: '/contacts/{contactId}/followers',
    handle(req, state) {
      const contact = contactOf(req, state, req.params.contactId);
      const before: string[] = contact.followers ?? [];
      const remove = new Set((req.body.followers as unknown[]).map(String));
      const followers = before.filter((id) => !remove.has(id));
      saveFollowers(state, contact, followers);
      return ok({ followers, followersRemoved: before.filter((id) => remove.has(id)) });
    },
  },
  {
    method: 'POST',
    path: '/contacts/{contactId}/campaigns/{campaignId}',
    handle(req, state) {
      const contact = contactOf(req, state, req.params.contactId);
      const campaigns = state.campaignMembers.get(contact.id) ?? new Set<string>();
      state.campaignMembers.set(contact.id, campaigns.add(req.params.campaignId));
      return created({ succeded: true });
    },
  },
  {
    // Literal beats template: `removeAll` is not a campaign id (see findRoute).
    method: 'DELETE',
    path: '/contacts/{contactId}/campaigns/removeAll',
    handle(req, state) {
      state.campaignMembers.delete(contactOf(req, state, req.params.contactId).id);
      return ok({ succeded: true });
    },
  },
  {
    method: 'DELETE',
    path: '/contacts/{contactId}/campaigns/{campaignId}',
    handle(req, state) {
      const contact = contactOf(req, state, req.params.contactId);
      state.campaignMembers.get(contact.id)?.delete(req.params.campaignId); // removing a non-member is a no-op
      return ok({ succeded: true });
    },
  },
  {
    method: 'POST',
    path: '/contacts/{contactId}/workflow/{workflowId}',
    handle(req, state) {
      const contact = contactOf(req, state, req.params.contactId);
      const enrolled = state.workflowEnrollments.get(contact.id) ?? new Map<string, Rec>();
      enrolled.set(req.params.workflowId, {
        enrolledAt: state.now(),
        ...(req.body.eventStartTime ? { eventStartTime: req.body.eventStartTime } : {}),
      });
      state.workflowEnrollments.set(contact.id, enrolled);
      return ok({ succeded: true });
    },
  },
  {
    method: 'DELETE',
    path: '/contacts/{contactId}/workflow/{workflowId}',
    handle(req, state) {
      const contact = contactOf(req, state, req.params.contactId);
      state.workflowEnrollments.get(contact.id)?.delete(req.params.workflowId); // as for campaigns: a no-op
      return ok({ succeded: true });
    },
  },
  {
    method: 'GET',
    path: '/contacts/{contactId}/appointments',
    handle(req, state) {
      const contact = contactOf(req, state, req.params.contactId);
      return ok({ events: appointmentsOf(req, state, contact.id) });
    },
  },
  {
    method: 'GET',
    path: '/locations/{locationId}/tags',
    handle(req, state) {
      assertLocation(req, req.params.locationId);
      return ok({ tags: state.tagsOf(req.locationId).map(({ id, name, locationId }) => ({ id, name, locationId })) });
    },
  },
  {
    // model: contact | opportunity | all (no model: all).
    method: 'GET',
    path: '/locations/{locationId}/customFields',
    handle(req, state) {
      assertLocation(req, req.params.locationId);
      const model = req.query.model;
      const fields = state.customFieldsOf(req.locationId).filter((f) => !model || model === 'all' || f.model === model);
      return ok({ customFields: fields });
    },
  },
];
