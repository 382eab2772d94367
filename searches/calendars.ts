import { calendarsApi } from '../src/api/calendars';
import { offsetPages } from '../src/client';
import { Context, Item, records } from '../src/factories/operation';
import { matchByName } from '../src/factories/nameSearch';
import { searchAction } from '../src/factories/search';
import { appointmentOutput, appointmentOutputFields, appointmentSample, zapTimeZone, zonedDateTime } from '../src/fields/appointment';
import {
  calendarIdField,
  calendarOutputFields,
  calendarSample,
  groupOutputFields,
  groupSample,
  NOTIFICATION_TYPES,
  notificationOutputFields,
  notificationSample,
  notificationTypeChoices,
  resourceOutputFields,
  resourceSample,
  resourceTypeField,
} from '../src/fields/calendar';
import { FieldDef } from '../src/fields/field';
import * as v from '../src/fields/values';
import { describeSpan, formatInZone, isValidTimeZone, MS, parseDateTime, startOfDay, toEpochMs } from '../src/time';
import { wallClockZone } from '../src/wallClock';

export const findCalendar = searchAction({
  key: 'find_calendar',
  noun: 'Calendar',
  label: 'Find Calendar',
  description: 'Finds a calendar by ID or by name.',
  endpoint: calendarsApi.getCalendar,
  alsoCalls: [calendarsApi.listCalendars],
  fields: [
    { key: 'calendarId', label: 'Calendar ID', helpText: 'Find the calendar with exactly this ID.', schema: v.id() },
    {
      key: 'name',
      label: 'Name',
      helpText: 'Find calendars with this name (exact match first, else names containing it).',
      schema: v.text(200),
    },
  ],
  fillInOneOf: ['calendarId', 'name'],
  perform: async (input, ctx) => {
    if (input.calendarId) {
      const data = await ctx.call(calendarsApi.getCalendar, { path: { calendarId: input.calendarId } }, { notFoundAsNull: true });
      return data?.calendar ? [data.calendar] : [];
    }
    const data = await ctx.call(calendarsApi.listCalendars, {});
    return matchByName(data?.calendars ?? [], input.name);
  },
  resultKey: 'calendar',
  sample: calendarSample,
  outputFields: calendarOutputFields,
});

/** HighLevel has no "get group" endpoint: groups are looked up in the location's list. */
export const findCalendarGroup = searchAction({
  key: 'find_calendar_group',
  noun: 'Calendar Group',
  label: 'Find Calendar Group',
  description: 'Finds a calendar group by ID, name or slug.',
  endpoint: calendarsApi.listGroups,
  fields: [
    { key: 'groupId', label: 'Calendar Group ID', helpText: 'Find the group with exactly this ID.', schema: v.id() },
    {
      key: 'name',
      label: 'Name or Slug',
      helpText: 'Find groups with this name or slug (exact match first, else containing it).',
      schema: v.text(200),
    },
  ],
  fillInOneOf: ['groupId', 'name'],
  perform: async (input, ctx) => {
    const data = await ctx.call(calendarsApi.listGroups, {});
    const groups = (data?.groups ?? []) as Item[];
    return input.groupId ? groups.filter((g) => g.id === input.groupId) : matchByName(groups, input.name, (g) => [g.name, g.slug]);
  },
  sample: groupSample,
  sampleAnswer: { groups: [groupSample] },
  outputFields: groupOutputFields,
});

/** A check more than a search (it needs the groups write scope): one result saying whether the slug is free. */
export const checkCalendarGroupSlug = searchAction({
  key: 'check_calendar_group_slug',
  noun: 'Group Slug',
  label: 'Find Free Calendar Group Slug',
  description: 'Finds whether a calendar group slug (booking link) is still free in your location.',
  endpoint: calendarsApi.validateGroupSlug,
  fields: [{ key: 'slug', label: 'Slug', helpText: 'The slug to check, e.g. "sales".', schema: v.text(100), required: true }],
  results: (data, input) => [{ id: input.slug, slug: input.slug, available: data.available === true }],
  sample: { id: 'sales', slug: 'sales', available: true },
  outputFields: [
    { key: 'slug', label: 'Slug' },
    { key: 'available', label: 'Available', type: 'boolean' },
  ],
});

const RESOURCE_PAGE = 100;

export const findCalendarResource = searchAction({
  key: 'find_calendar_resource',
  noun: 'Calendar Resource',
  label: 'Find Calendar Resource',
  description: 'Finds a room or piece of equipment by ID or by name.',
  endpoint: calendarsApi.getResource,
  alsoCalls: [calendarsApi.listResources],
  fields: [
    resourceTypeField,
    { key: 'resourceId', label: 'Resource ID', helpText: 'Find the resource with exactly this ID.', schema: v.id() },
    {
      key: 'name',
      label: 'Name',
      helpText: 'Find resources with this name (exact match first, else names containing it).',
      schema: v.text(200),
    },
  ],
  fillInOneOf: ['resourceId', 'name'],
  perform: async (input, ctx) => {
    const { resourceType } = input;
    if (input.resourceId) {
      const data = await ctx.call(calendarsApi.getResource, { path: { resourceType, id: input.resourceId } }, { notFoundAsNull: true });
      // The answer may carry no id at all (the spec declares none): the id asked for is the record's.
      return data && typeof data === 'object' && !Array.isArray(data) && Object.keys(data).length
        ? [{ ...data, id: data.id ?? data._id ?? input.resourceId }]
        : [];
    }
    const all = await offsetPages(RESOURCE_PAGE, async (skip) =>
      records(await ctx.call(calendarsApi.listResources, { path: { resourceType }, query: { limit: RESOURCE_PAGE, skip } })),
    );
    return matchByName(all, input.name).filter((r) => r.id);
  },
  sample: resourceSample,
  outputFields: resourceOutputFields,
});

export const findCalendarNotification = searchAction({
  key: 'find_calendar_notification',
  noun: 'Calendar Notification',
  label: 'Find Calendar Notification',
  description: "Finds one of a calendar's notifications by ID, or by type and channel.",
  endpoint: calendarsApi.getNotification,
  alsoCalls: [calendarsApi.listNotifications],
  fields: [
    calendarIdField,
    { key: 'notificationId', label: 'Notification ID', helpText: 'Find the notification with exactly this ID.', schema: v.id() },
    {
      key: 'notificationType',
      label: 'Notification Type',
      helpText: 'Find active notifications sent on this booking event (e.g. reminder).',
      schema: v.oneOf(NOTIFICATION_TYPES),
      choices: notificationTypeChoices,
    },
    {
      key: 'channel',
      label: 'Channel',
      helpText: 'Only notifications sent this way (optional, with Notification Type).',
      schema: v.oneOf(['email', 'inApp', 'sms', 'whatsapp']),
      choices: { email: 'Email', sms: 'SMS', whatsapp: 'WhatsApp', inApp: 'In-App' },
    },
  ],
  fillInOneOf: ['notificationId', 'notificationType'],
  perform: async (input, ctx) => {
    const { calendarId } = input;
    if (input.notificationId) {
      const data = await ctx.call(
        calendarsApi.getNotification,
        { path: { calendarId, notificationId: input.notificationId } },
        { notFoundAsNull: true },
      );
      return data && (data._id || data.id) ? [{ ...data, calendarId }] : [];
    }
    const data = await ctx.call(calendarsApi.listNotifications, {
      path: { calendarId },
      query: { isActive: true, deleted: false, limit: 100, skip: 0 },
    });
    return records(data)
      .map((n: Item) => ({ ...n, calendarId }))
      .filter((n: Item) => n.id && n.notificationType === input.notificationType && (!input.channel || n.channel === input.channel));
  },
  sample: notificationSample,
  outputFields: notificationOutputFields,
});

export const findAppointment = searchAction({
  key: 'find_appointment',
  noun: 'Appointment',
  label: 'Find Appointment',
  description: 'Finds an appointment by its ID.',
  endpoint: calendarsApi.getAppointment,
  fields: [
    {
      key: 'appointmentId',
      label: 'Appointment ID',
      helpText: 'The ID of the appointment (event) to find.',
      schema: v.id(),
      required: true,
    },
  ],
  perform: async (input, ctx) => {
    const data = await ctx.call(calendarsApi.getAppointment, { path: { eventId: input.appointmentId } }, { notFoundAsNull: true });
    return data?.event ? [appointmentOutput(data.event, zapTimeZone(ctx))] : [];
  },
  resultKey: 'event',
  sample: appointmentSample,
  outputFields: appointmentOutputFields,
});

const MAX_SLOT_DAYS = 31; // HighLevel's limit for one free-slots query
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const UNIT_MS: Record<string, number> = { mins: MS.MINUTE, minutes: MS.MINUTE, hours: MS.HOUR };

const slotFields: FieldDef[] = [
  { ...calendarIdField, helpText: 'The calendar to find bookable times in.' },
  {
    key: 'startDate',
    label: 'From',
    helpText: 'The first day (or moment) to look from, e.g. 2026-03-10. A date or time without an offset is read in the Time Zone below.',
    schema: zonedDateTime(),
    required: true,
  },
  {
    key: 'endDate',
    label: 'To',
    helpText: `The last day (a date includes the whole day) or moment to look at, e.g. 2026-03-17, read in the Time Zone below. Default: 7 days after From; at most ${MAX_SLOT_DAYS} days.`,
    schema: zonedDateTime(),
  },
  {
    key: 'timezone',
    label: 'Time Zone',
    helpText:
      "IANA time zone the slots are shown in, e.g. America/New_York. Default: the calendar's, else your sub-account's, else your zap's, else UTC.",
    schema: v.narrow(v.text(64), (s) => s.refine(isValidTimeZone, 'must be an IANA time zone, e.g. America/New_York')),
  },
  {
    key: 'userId',
    label: 'Team Member',
    helpText: "Only this team member's free times (for team calendars).",
    schema: v.id(),
    dynamic: 'user_list.id.name',
  },
];

const BACKWARDS = 'Find Free Slots: To (endDate) must be after From (startDate).';
const TOO_LONG = `Find Free Slots: To (endDate) must be at most ${MAX_SLOT_DAYS} days after From (startDate) (a date as To counts its whole day).`;

/**
 * The range checks that need no time zone, made before any request: both ends instants (an offset or epoch ms),
 * or both plain dates (counted in whole days, To's day included). Any other pair (a date and a local time, say)
 * only becomes a range in the calendar's zone, so it is checked after reading the calendar.
 */
function checkRangeWithoutZone(ctx: Context, from: string, to: string | undefined): void {
  if (!to) return; // the default range (7 days) is always valid
  const fail = (message: string): never => {
    throw new ctx.z.errors.Error(message, 'InvalidInput', 400);
  };
  if (DATE_ONLY.test(from) && DATE_ONLY.test(to)) {
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS.DAY + 1;
    if (days < 1) fail(BACKWARDS);
    if (days > MAX_SLOT_DAYS) fail(TOO_LONG);
  } else if (parseDateTime(from)?.kind === 'instant' && parseDateTime(to)?.kind === 'instant') {
    const span = toEpochMs(to, 'UTC')! - toEpochMs(from, 'UTC')!;
    if (span <= 0) fail(BACKWARDS);
    if (span > MAX_SLOT_DAYS * MS.DAY) fail(TOO_LONG);
  }
}

/**
 * Free slots as ONE result (Zapier uses only a search's first result): the soonest slot's start, end and label,
 * every slot as line items `{ start, end, label, date }` and as text (one label a line, for an SMS or email).
 * HighLevel answers `{ "2026-03-10": { slots: ["2026-03-10T09:00:00-04:00", …] } }`; slots are shown in the
 * requested zone and end after the calendar's slot duration (read from the calendar, which also gives its zone).
 * No slot is no result.
 */
export const findFreeSlots = searchAction({
  key: 'find_free_slots',
  noun: 'Free Slot',
  label: 'Find Free Slots',
  description: 'Finds the bookable times of a calendar in a date range: the soonest one, and all of them as a list and as text.',
  endpoint: calendarsApi.getFreeSlots,
  alsoCalls: [calendarsApi.getCalendar],
  fields: slotFields,
  perform: async (input, ctx) => {
    const { calendarId } = input;
    checkRangeWithoutZone(ctx, input.startDate, input.endDate);
    const calendarData = await ctx.call(calendarsApi.getCalendar, { path: { calendarId } }, { notFoundAsNull: true });
    if (!calendarData?.calendar) return [];
    const calendar = calendarData.calendar;
    const timeZone = await wallClockZone(ctx.z, ctx.bundle, input.timezone, calendar.timezone, calendar.timeZone);
    const start = toEpochMs(input.startDate, timeZone)!;
    const end = input.endDate
      ? DATE_ONLY.test(input.endDate)
        ? startOfDay(toEpochMs(input.endDate, timeZone)! + 36 * MS.HOUR, timeZone) - 1 // through the end of that day
        : toEpochMs(input.endDate, timeZone)!
      : start + 7 * MS.DAY;
    // Checked here, not before the request, only for pairs that need the zone (see checkRangeWithoutZone). Two
    // dates passed that check in whole days; a fall-back day may add an hour, which is cut from the last day's end.
    const bothDates = DATE_ONLY.test(input.startDate) && DATE_ONLY.test(input.endDate ?? '');
    const until = bothDates ? Math.min(end, start + MAX_SLOT_DAYS * MS.DAY) : end;
    if (until <= start) throw new ctx.z.errors.Error(BACKWARDS, 'InvalidInput', 400);
    if (until - start > MAX_SLOT_DAYS * MS.DAY) throw new ctx.z.errors.Error(TOO_LONG, 'InvalidInput', 400);
    const data = await ctx.call(calendarsApi.getFreeSlots, {
      path: { calendarId },
      query: { startDate: start, endDate: until, timezone: timeZone, userId: input.userId },
    });
    const duration =
      Number(calendar.slotDuration) > 0 ? Number(calendar.slotDuration) * (UNIT_MS[calendar.slotDurationUnit] ?? MS.MINUTE) : undefined;
    const starts = Object.entries(data ?? {})
      .filter(([, day]) => day && typeof day === 'object' && Array.isArray((day as Item).slots))
      .flatMap(([, day]) => (day as Item).slots as unknown[])
      .map((slot) => (parseDateTime(slot)?.kind === 'instant' ? toEpochMs(slot, 'UTC')! : undefined))
      .filter((ms): ms is number => ms !== undefined);
    const slots = [...new Set(starts)]
      .sort((a, b) => a - b)
      .map((ms) => {
        const iso = formatInZone(ms, timeZone);
        return {
          start: iso,
          end: duration ? formatInZone(ms + duration, timeZone) : undefined,
          label: describeSpan(ms, duration ? ms + duration : undefined, timeZone),
          date: iso.slice(0, 10),
        };
      });
    if (!slots.length) return [];
    const [first] = slots;
    return [
      {
        id: first.start,
        calendarId,
        timezone: timeZone,
        count: slots.length,
        firstStart: first.start,
        firstEnd: first.end,
        firstLabel: first.label,
        slots,
        slotsText: slots.map((s) => s.label).join('\n'),
      },
    ];
  },
  sample: {
    id: '2026-03-10T09:00:00-04:00',
    calendarId: '0TkCdp9PfvLeWKYRRvIz',
    timezone: 'America/New_York',
    count: 2,
    firstStart: '2026-03-10T09:00:00-04:00',
    firstEnd: '2026-03-10T09:30:00-04:00',
    firstLabel: 'Tue, Mar 10, 2026, 9:00 AM – 9:30 AM EDT',
    slots: [
      {
        start: '2026-03-10T09:00:00-04:00',
        end: '2026-03-10T09:30:00-04:00',
        label: 'Tue, Mar 10, 2026, 9:00 AM – 9:30 AM EDT',
        date: '2026-03-10',
      },
      {
        start: '2026-03-10T09:30:00-04:00',
        end: '2026-03-10T10:00:00-04:00',
        label: 'Tue, Mar 10, 2026, 9:30 AM – 10:00 AM EDT',
        date: '2026-03-10',
      },
    ],
    slotsText: 'Tue, Mar 10, 2026, 9:00 AM – 9:30 AM EDT\nTue, Mar 10, 2026, 9:30 AM – 10:00 AM EDT',
  },
  sampleAnswer: { '2026-03-10': { slots: ['2026-03-10T09:00:00-04:00', '2026-03-10T09:30:00-04:00'] } },
  outputFields: [
    { key: 'id', label: 'ID (First Slot Start)' },
    { key: 'calendarId', label: 'Calendar ID' },
    { key: 'timezone', label: 'Time Zone' },
    { key: 'count', label: 'Number of Slots', type: 'integer' },
    { key: 'firstStart', label: 'First Slot Start', type: 'datetime' },
    { key: 'firstEnd', label: 'First Slot End', type: 'datetime' },
    { key: 'firstLabel', label: 'First Slot' },
    // Zapier shows a list of objects as line items, addressed `slots[]key`.
    { key: 'slots[]start', label: 'Slot Start', type: 'datetime' },
    { key: 'slots[]end', label: 'Slot End', type: 'datetime' },
    { key: 'slots[]label', label: 'Slot' },
    { key: 'slots[]date', label: 'Slot Date' },
    { key: 'slotsText', label: 'All Slots (One per Line)' },
  ],
});
