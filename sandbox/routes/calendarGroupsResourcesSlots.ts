import { toEpochMs } from '../../src/time';
import { newId, pick, Rec, SandboxState } from '../state';
import { calendarOf, calendarStore, eventOf, instantOf, saveEvent, timeZoneOf } from './calendars';
import { assertLocation, created, crudRoutes, fail, ok, page, Route, RouteRequest, storeFor } from './route';

// Calendar groups, resources (equipment, rooms), notifications, appointment notes and blocked slots, plus calendar
// update/delete. Calendars and events (blocked slots are events with `blocked`) live in calendars.ts's store;
// the rest in this module's own store.

const store = storeFor(() => ({
  groups: new Map<string, Rec>(),
  resources: new Map<string, Rec>(),
  notifications: new Map<string, Rec>(),
  notes: new Map<string, Rec>(),
}));

const NOTIFICATION_FIELDS = [
  'receiverType',
  'channel',
  'notificationType',
  'isActive',
  'templateId',
  'body',
  'subject',
  'afterTime',
  'beforeTime',
  'additionalEmailIds',
  'additionalPhoneNumbers',
  'selectedUsers',
  'deleted',
  'fromAddress',
  'fromName',
  'fromNumber',
];

/** 400 when another group of the location has the slug. */
function slugTaken(req: RouteRequest, state: SandboxState, slug: string, except?: string): boolean {
  return [...store(state).groups.values()].some((g) => g.locationId === req.locationId && g.slug === slug && g.id !== except);
}

const groupView = ({ id, locationId, name, slug, isActive, description }: Rec) => ({
  id,
  locationId,
  name,
  slug,
  isActive,
  ...(description ? { description } : {}),
});

/** A blocked slot as create/edit answer it (times in the location's zone, as events). */
const slotView = (e: Rec) => pick(e, ['id', 'locationId', 'calendarId', 'assignedUserId', 'title', 'startTime', 'endTime']);

function saveBlockedSlot(req: RouteRequest, state: SandboxState, existing?: Rec): Rec {
  const events = calendarStore(state);
  const calendar = calendarOf(req, events, req.body.calendarId);
  assertLocation(req, req.body.locationId);
  const startMs = req.body.startTime
    ? instantOf(req.body.startTime, 'startTime')
    : existing
      ? toEpochMs(existing.startTime, 'UTC')
      : undefined;
  const endMs = req.body.endTime ? instantOf(req.body.endTime, 'endTime') : existing ? toEpochMs(existing.endTime, 'UTC') : undefined;
  if (startMs === undefined || endMs === undefined) fail(422, 'startTime and endTime are required');
  if (endMs <= startMs) fail(422, 'endTime must be after startTime');
  return saveEvent(state, events, timeZoneOf(state, req.locationId), {
    title: 'Blocked',
    ...existing,
    ...pick(req.body, ['title', 'assignedUserId']),
    id: existing?.id ?? newId(),
    blocked: true,
    calendarId: calendar.id,
    locationId: req.locationId,
    contactId: '',
    groupId: calendar.groupId ?? '',
    appointmentStatus: 'confirmed',
    assignedUserId: req.body.assignedUserId ?? existing?.assignedUserId ?? '',
    startMs,
    endMs,
  });
}

export const calendarExtraRoutes: Route[] = [
  {
    method: 'PUT',
    path: '/calendars/{calendarId}',
    handle(req, state) {
      const calendar = calendarOf(req, calendarStore(state), req.params.calendarId);
      const { locationId: _l, id: _i, ...changes } = req.body;
      return ok({ calendar: Object.assign(calendar, changes) });
    },
  },
  {
    // With its appointments and blocked slots.
    method: 'DELETE',
    path: '/calendars/{calendarId}',
    handle(req, state) {
      const { calendars, events } = calendarStore(state);
      const calendar = calendarOf(req, calendarStore(state), req.params.calendarId);
      calendars.delete(calendar.id);
      for (const [id, e] of events) if (e.calendarId === calendar.id) events.delete(id);
      return ok({ success: true });
    },
  },

  ...crudRoutes({
    base: '/calendars/groups',
    idParam: 'groupId',
    noun: 'Group',
    records: (state) => store(state).groups,
    list: (groups) => ({ groups: groups.map(groupView) }),
    create: {
      build(req, state) {
        if (slugTaken(req, state, req.body.slug)) fail(400, 'Slug is already taken');
        return { isActive: true, ...pick(req.body, ['name', 'slug', 'description', 'isActive']) };
      },
      reply: (g) => ({ group: groupView(g) }),
    },
    update: { fields: ['name', 'slug', 'description'], reply: (g) => ({ group: groupView(g) }) },
    remove: () => ({ success: true }),
  }),
  {
    method: 'PUT',
    path: '/calendars/groups/{groupId}/status',
    handle(req, state) {
      const group = store(state).groups.get(req.params.groupId);
      if (!group || group.locationId !== req.locationId) fail(404, 'Group not found');
      group.isActive = req.body.isActive;
      return ok({ success: true });
    },
  },
  {
    method: 'POST',
    path: '/calendars/groups/validate-slug',
    handle(req, state) {
      assertLocation(req, req.body.locationId);
      return ok({ available: !slugTaken(req, state, req.body.slug) });
    },
  },

  ...crudRoutes({
    base: '/calendars/resources/{resourceType}',
    idParam: 'id',
    noun: 'Resource',
    records: (state) => store(state).resources,
    list: (resources, req) =>
      page(
        resources.filter((r) => r.resourceType === req.params.resourceType),
        req.query,
      ),
    get: (r) => r,
    create: {
      build: (req) => ({
        isActive: true,
        ...pick(req.body, ['name', 'description', 'quantity', 'outOfService', 'capacity', 'calendarIds']),
        resourceType: req.params.resourceType,
      }),
      reply: (r) => r,
    },
    update: { fields: ['name', 'description', 'quantity', 'outOfService', 'capacity', 'calendarIds', 'isActive'], reply: (r) => r },
    remove: () => ({ success: true }),
  }),

  // Notifications: `_id` as HighLevel's; the create body is a list (several notifications at once).
  ...crudRoutes({
    base: '/calendars/{calendarId}/notifications',
    idParam: 'notificationId',
    noun: 'Notification',
    records: (state) => store(state).notifications,
    list: (all, req) =>
      page(
        all.filter(
          (n) =>
            n.calendarId === req.params.calendarId &&
            (req.query.isActive === undefined || String(n.isActive) === req.query.isActive) &&
            String(n.deleted) === (req.query.deleted ?? 'false'),
        ),
        req.query,
        100,
      ),
    get: (n) => n,
    update: { fields: NOTIFICATION_FIELDS, reply: () => ({ message: 'Notification updated successfully' }) },
    remove: () => ({ message: 'Notification deleted successfully' }),
  }),
  {
    method: 'POST',
    path: '/calendars/{calendarId}/notifications',
    handle(req, state) {
      const calendar = calendarOf(req, calendarStore(state), req.params.calendarId);
      const saved = (req.body as Rec[]).map((n) => {
        const id = newId();
        const record = {
          _id: id,
          id,
          isActive: true,
          deleted: false,
          ...pick(n, NOTIFICATION_FIELDS),
          calendarId: calendar.id,
          locationId: req.locationId,
        };
        store(state).notifications.set(id, record);
        return record;
      });
      return ok(saved);
    },
  },

  // Appointment notes: the appointment must exist; a note carries its contact and author.
  ...crudRoutes({
    base: '/calendars/appointments/{appointmentId}/notes',
    idParam: 'noteId',
    noun: 'Note',
    records: (state) => store(state).notes,
    create: {
      build(req, state) {
        const event = eventOf(req, calendarStore(state), req.params.appointmentId);
        const user = req.body.userId ? state.users.get(req.body.userId) : undefined;
        return {
          body: req.body.body,
          userId: req.body.userId ?? '',
          appointmentId: event.id,
          contactId: event.contactId,
          createdBy: { id: user?.id ?? '', name: user?.name ?? '' },
        };
      },
      reply: (note) => ({ note }),
    },
    update: { fields: ['body', 'userId'], reply: (note) => ({ note }) },
    remove: () => ({ success: true }),
  }),
  {
    // Newest first, offset/limit paged.
    method: 'GET',
    path: '/calendars/appointments/{appointmentId}/notes',
    handle(req, state) {
      const event = eventOf(req, calendarStore(state), req.params.appointmentId);
      const all = [...store(state).notes.values()]
        .filter((n) => n.appointmentId === event.id)
        .sort((a, b) => b.dateAdded.localeCompare(a.dateAdded));
      const notes = page(all, req.query, 10);
      return ok({ notes, hasMore: (Number(req.query.offset) || 0) + notes.length < all.length });
    },
  },

  {
    // Blocked slots starting in [startTime, endTime] (epoch ms), for a calendar, user or group.
    method: 'GET',
    path: '/calendars/blocked-slots',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      const { calendarId, userId, groupId } = req.query;
      const from = Number(req.query.startTime);
      const to = Number(req.query.endTime);
      const events = [...calendarStore(state).events.values()].filter((e) => {
        const start = toEpochMs(e.startTime, 'UTC')!;
        return (
          e.blocked &&
          e.locationId === req.locationId &&
          start >= from &&
          start <= to &&
          (!calendarId || e.calendarId === calendarId) &&
          (!userId || e.assignedUserId === userId) &&
          (!groupId || e.groupId === groupId)
        );
      });
      return ok({ events });
    },
  },
  {
    method: 'POST',
    path: '/calendars/events/block-slots',
    handle: (req, state) => created(slotView(saveBlockedSlot(req, state))),
  },
  {
    method: 'PUT',
    path: '/calendars/events/block-slots/{eventId}',
    handle(req, state) {
      const existing = eventOf(req, calendarStore(state), req.params.eventId);
      if (!existing.blocked) fail(404, 'Blocked slot not found');
      return created(slotView(saveBlockedSlot(req, state, existing)));
    },
  },
];
