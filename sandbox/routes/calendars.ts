import { calendarSample } from '../../src/fields/calendar';
import { formatInZone, localAt, MS, parseDateTime, pickTimeZone, toEpochMs, zonedToEpoch } from '../../src/time';
import { newId, pick, Rec, SandboxState } from '../state';
import { contactOf, created, fail, ok, Route, RouteRequest } from './route';

// Calendars, appointments (calendar events) and free slots. The shared SandboxState has no calendar maps, so
// this module keeps its own store per sandbox (a WeakMap on the state), seeded on first use.

interface CalendarStore {
  calendars: Map<string, Rec>;
  events: Map<string, Rec>;
}

const stores = new WeakMap<SandboxState, CalendarStore>();

const OPEN_HOUR = 9; // bookable 09:00–17:00 local, Monday to Friday
const CLOSE_HOUR = 17;

function storeOf(state: SandboxState): CalendarStore {
  let store = stores.get(state);
  if (!store) {
    store = { calendars: new Map(), events: new Map() };
    stores.set(state, store);
    seed(state, store);
  }
  return store;
}

function seed(state: SandboxState, store: CalendarStore) {
  const loc = state.locationId;
  const owner = state.usersOf(loc)[0];
  // The app's own sample calendar, in this sandbox's location and with one of its users.
  const { groupId: _groupId, ...sample } = calendarSample;
  const calendar = {
    ...sample,
    id: newId(),
    locationId: loc,
    widgetType: 'classic',
    teamMembers: owner ? [{ userId: owner.id, priority: 1, isPrimary: true }] : [],
  };
  store.calendars.set(calendar.id, calendar);
  // Two bookings for the first seeded contacts: tomorrow and the day after, 10:00 in the location's zone.
  const zone = timeZoneOf(state, loc);
  state
    .contactsOf(loc)
    .slice(0, 2)
    .forEach((contact, i) => {
      const day = localAt(Date.now() + (i + 1) * MS.DAY, zone);
      const start = zonedToEpoch({ ...day, hour: 10, minute: 0, second: 0, millisecond: 0 }, zone);
      saveEvent(state, store, zone, {
        id: newId(),
        calendarId: calendar.id,
        locationId: loc,
        contactId: contact.id,
        title: `Discovery Call with ${[contact.firstName, contact.lastName].filter(Boolean).join(' ') || 'contact'}`,
        appointmentStatus: 'confirmed',
        assignedUserId: owner?.id ?? '',
        startMs: start,
        endMs: start + 30 * MS.MINUTE,
      });
    });
}

function timeZoneOf(state: SandboxState, locationId: string): string {
  return pickTimeZone(state.locations.get(locationId)?.timezone);
}

/** Stores an event with HighLevel's CalendarEventDTO shape (times as ISO with the location's offset). */
function saveEvent(state: SandboxState, store: CalendarStore, zone: string, e: Rec & { startMs: number; endMs: number }): Rec {
  const { startMs, endMs, ...rest } = e;
  const existing = store.events.get(e.id);
  const now = state.now();
  const event: Rec = {
    groupId: '',
    notes: '',
    description: '',
    address: '',
    isRecurring: false,
    ...existing,
    ...rest,
    users: rest.assignedUserId ? [rest.assignedUserId] : (existing?.users ?? []),
    startTime: formatInZone(startMs, zone),
    endTime: formatInZone(endMs, zone),
    dateAdded: existing?.dateAdded ?? now,
    dateUpdated: now,
    createdBy: existing?.createdBy ?? { source: 'third_party' },
  };
  store.events.set(event.id, event);
  return event;
}

function calendarOf(req: RouteRequest, store: CalendarStore, calendarId: string): Rec {
  const calendar = store.calendars.get(calendarId);
  if (!calendar || calendar.locationId !== req.locationId) fail(404, 'Calendar not found');
  return calendar;
}

function eventOf(req: RouteRequest, store: CalendarStore, eventId: string): Rec {
  const event = store.events.get(eventId);
  if (!event || event.locationId !== req.locationId) fail(404, 'Event not found');
  return event;
}

/** An appointment time as HighLevel takes it: ISO-8601 with an offset (or Z). */
function instantOf(value: unknown, field: string): number {
  const parsed = parseDateTime(value);
  if (!parsed || parsed.kind !== 'instant') fail(422, `${field} must be an ISO-8601 date-time with an offset`);
  return parsed.epochMs;
}

const slotMs = (calendar: Rec) => (Number(calendar.slotDuration) || 30) * (calendar.slotDurationUnit === 'hours' ? MS.HOUR : MS.MINUTE);

const busy = (store: CalendarStore, calendarId: string, start: number, end: number, except?: string) =>
  [...store.events.values()].some(
    (e) =>
      e.calendarId === calendarId &&
      e.id !== except &&
      e.appointmentStatus !== 'cancelled' &&
      toEpochMs(e.startTime, 'UTC')! < end &&
      toEpochMs(e.endTime, 'UTC')! > start,
  );

/** The answer of create/edit appointment (AppointmentSchemaResponse). */
const appointmentAnswer = (e: Rec) =>
  pick(e, [
    'id',
    'calendarId',
    'locationId',
    'contactId',
    'startTime',
    'endTime',
    'title',
    'appointmentStatus',
    'assignedUserId',
    'address',
    'isRecurring',
  ]);

const APPOINTMENT_KEYS = ['title', 'appointmentStatus', 'assignedUserId', 'address', 'description', 'meetingLocationType'];

export const calendarRoutes: Route[] = [
  {
    method: 'GET',
    path: '/calendars/',
    handle(req, state) {
      const calendars = [...storeOf(state).calendars.values()].filter(
        (c) => c.locationId === req.query.locationId && (!req.query.groupId || c.groupId === req.query.groupId),
      );
      if (req.query.locationId !== req.locationId) fail(403, 'The token does not have access to this location.');
      return ok({ calendars });
    },
  },
  {
    method: 'GET',
    path: '/calendars/{calendarId}',
    handle: (req, state) => ok({ calendar: calendarOf(req, storeOf(state), req.params.calendarId) }),
  },
  {
    method: 'POST',
    path: '/calendars/',
    handle(req, state) {
      if (req.body.locationId !== req.locationId) fail(403, 'The token does not have access to this location.');
      const calendar = { isActive: true, calendarType: 'event', slotDuration: 30, slotDurationUnit: 'mins', ...req.body, id: newId() };
      storeOf(state).calendars.set(calendar.id, calendar);
      return ok({ calendar });
    },
  },
  {
    // Slots every slotInterval from 09:00 to 17:00 local on weekdays, minus booked times, keyed by local date.
    method: 'GET',
    path: '/calendars/{calendarId}/free-slots',
    handle(req, state) {
      const store = storeOf(state);
      const calendar = calendarOf(req, store, req.params.calendarId);
      const from = Number(req.query.startDate);
      const to = Number(req.query.endDate);
      if (!(to > from)) fail(422, 'endDate must be after startDate');
      if (to - from > 31 * MS.DAY) fail(422, 'The date range must be at most 31 days');
      const zone = pickTimeZone(req.query.timezone, timeZoneOf(state, req.locationId));
      const length = slotMs(calendar);
      const step =
        (Number(calendar.slotInterval) || Number(calendar.slotDuration) || 30) *
        (calendar.slotIntervalUnit === 'hours' ? MS.HOUR : MS.MINUTE);
      const answer: Record<string, { slots: string[] }> = {};
      for (let day = localAt(from, zone); ;) {
        const open = zonedToEpoch({ ...day, hour: OPEN_HOUR, minute: 0, second: 0, millisecond: 0 }, zone);
        if (open > to) break;
        const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
        const close = zonedToEpoch({ ...day, hour: CLOSE_HOUR, minute: 0, second: 0, millisecond: 0 }, zone);
        for (let t = open; weekday % 6 !== 0 && t + length <= close; t += step) {
          if (t < from || t > to || busy(store, calendar.id, t, t + length)) continue;
          const iso = formatInZone(t, zone);
          (answer[iso.slice(0, 10)] ??= { slots: [] }).slots.push(iso);
        }
        day = localAt(zonedToEpoch({ ...day, hour: 12, minute: 0, second: 0, millisecond: 0 }, zone) + MS.DAY, zone);
      }
      return ok(answer);
    },
  },
  {
    // Events whose start is in [startTime, endTime] (epoch ms), for one calendar, user or group.
    method: 'GET',
    path: '/calendars/events',
    handle(req, state) {
      const { calendarId, userId, groupId, locationId } = req.query;
      if (locationId !== req.locationId) fail(403, 'The token does not have access to this location.');
      if (!calendarId && !userId && !groupId) fail(422, 'One of calendarId, userId or groupId is required');
      const from = Number(req.query.startTime);
      const to = Number(req.query.endTime);
      const events = [...storeOf(state).events.values()].filter((e) => {
        const start = toEpochMs(e.startTime, 'UTC')!;
        return (
          !e.blocked && // blocked slots have their own list (calendarGroupsResourcesSlots.ts)
          e.locationId === req.locationId &&
          start >= from &&
          start <= to &&
          (!calendarId || e.calendarId === calendarId) &&
          (!userId || e.assignedUserId === userId || e.users?.includes(userId)) &&
          (!groupId || e.groupId === groupId)
        );
      });
      return ok({ events });
    },
  },
  {
    method: 'GET',
    path: '/calendars/events/appointments/{eventId}',
    handle: (req, state) => ok({ event: eventOf(req, storeOf(state), req.params.eventId) }),
  },
  {
    method: 'POST',
    path: '/calendars/events/appointments',
    handle(req, state) {
      const store = storeOf(state);
      const body = req.body;
      if (body.locationId !== req.locationId) fail(403, 'The token does not have access to this location.');
      const calendar = calendarOf(req, store, body.calendarId);
      const contact = contactOf(req, state, body.contactId);
      const startMs = instantOf(body.startTime, 'startTime');
      const endMs = body.endTime ? instantOf(body.endTime, 'endTime') : startMs + slotMs(calendar);
      if (endMs <= startMs) fail(422, 'endTime must be after startTime');
      if (!body.ignoreFreeSlotValidation && busy(store, calendar.id, startMs, endMs))
        fail(400, 'The slot you have selected is no longer available.');
      const event = saveEvent(state, store, timeZoneOf(state, req.locationId), {
        title:
          calendar.eventTitle?.replace('{{contact.name}}', [contact.firstName, contact.lastName].filter(Boolean).join(' ')) ??
          calendar.name,
        appointmentStatus: calendar.autoConfirm ? 'confirmed' : 'new',
        assignedUserId: calendar.teamMembers?.[0]?.userId ?? '',
        ...pick(body, APPOINTMENT_KEYS),
        id: newId(),
        calendarId: calendar.id,
        groupId: calendar.groupId ?? '',
        locationId: req.locationId,
        contactId: contact.id,
        startMs,
        endMs,
      });
      return ok(appointmentAnswer(event));
    },
  },
  {
    method: 'PUT',
    path: '/calendars/events/appointments/{eventId}',
    handle(req, state) {
      const store = storeOf(state);
      const event = eventOf(req, store, req.params.eventId);
      const body = req.body;
      const calendar = calendarOf(req, store, body.calendarId ?? event.calendarId);
      const startMs = body.startTime ? instantOf(body.startTime, 'startTime') : toEpochMs(event.startTime, 'UTC')!;
      const endMs = body.endTime
        ? instantOf(body.endTime, 'endTime')
        : body.startTime
          ? startMs + slotMs(calendar)
          : toEpochMs(event.endTime, 'UTC')!;
      if (endMs <= startMs) fail(422, 'endTime must be after startTime');
      if ((body.startTime || body.endTime) && !body.ignoreFreeSlotValidation && busy(store, calendar.id, startMs, endMs, event.id)) {
        fail(400, 'The slot you have selected is no longer available.');
      }
      const saved = saveEvent(state, store, timeZoneOf(state, req.locationId), {
        ...event,
        ...pick(body, APPOINTMENT_KEYS),
        calendarId: calendar.id,
        startMs,
        endMs,
      });
      return ok(appointmentAnswer(saved));
    },
  },
  {
    method: 'DELETE',
    path: '/calendars/events/{eventId}',
    handle(req, state) {
      const store = storeOf(state);
      store.events.delete(eventOf(req, store, req.params.eventId).id);
      return created({ succeeded: true });
    },
  },
];

// For the calendar extras (groups, resources, notifications, notes, blocked slots) that share this store.
export { storeOf as calendarStore, saveEvent, timeZoneOf, instantOf, calendarOf, eventOf };
