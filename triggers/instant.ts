import type { Bundle, ZObject } from 'zapier-platform-core';
import { calendarsApi } from '../src/api/calendars';
import { contactsApi } from '../src/api/contacts';
import { conversationsApi } from '../src/api/conversations';
import { opportunitiesApi } from '../src/api/opportunities';
import { callHighLevel } from '../src/client';
import { eventTime, hookTrigger, HookContext, HookTriggerDef, withoutEnvelope } from '../src/factories/hook';
import { Input, Item, records as recordsOf } from '../src/factories/operation';
import { appointmentOutput, zapTimeZone } from '../src/fields/appointment';
import { calendarIdField } from '../src/fields/calendar';
import { assignedUserField } from '../src/fields/common';
import { messageChannels } from '../src/fields/conversation';
import { FieldDef, relabel } from '../src/fields/field';
import { pipelineIdField } from '../src/fields/opportunity';
import * as v from '../src/fields/values';
import { pipelineNames } from '../src/pipelines';
import { toEpochMs } from '../src/time';
import { newAppointmentTrigger, updatedAppointmentTrigger } from './calendars';
import { newContactTrigger, newContactWithTagTrigger, updatedContactTrigger } from './contacts';
import { newInboundMessageTrigger } from './conversations';
import { newNoteTrigger } from './notes';
import { newOpportunityTrigger, opportunityStageChangedTrigger, opportunityStatusChangedTrigger } from './opportunities';
import { newTaskTrigger } from './tasks';

// Instant versions of the polling triggers, fed by HighLevel's webhooks through the relay (src/factories/hook.ts).
// Each has its polling twin's output (so a zap can switch without re-mapping) and its samples (performList is the
// twin's perform). Payload shapes: `docs/webhook events/*.md` in GoHighLevel/highlevel-api-docs; quirks:
// ../shared/research/instant-triggers.md.

const INSTANT = 'Instant: HighLevel sends the event as it happens, through the relay.';

const sameText = (a: unknown, b: unknown) =>
  String(a ?? '')
    .trim()
    .toLowerCase() ===
  String(b ?? '')
    .trim()
    .toLowerCase();

/**
 * The instant triggers of one family: what they share, then each one's own declaration (which may override it).
 * A declaration must give what `shared` leaves out of HookTriggerDef.
 */
function family<S extends Partial<HookTriggerDef>>(shared: S) {
  return (def: Omit<HookTriggerDef, keyof S> & Partial<HookTriggerDef>) => hookTrigger({ ...shared, ...def } as HookTriggerDef);
}

/** Never fail a step over a completing read: keep what the webhook carried, and say why in the log. */
async function softly<T>(z: ZObject, what: string, work: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    z.console.log(`${what} unavailable, output keeps what the webhook carried: ${(error as Error).message}`);
    return fallback;
  }
}

// ---- Contacts ----------------------------------------------------------------------------------------------

/**
 * A contact event's payload as the contact the polling triggers output: HighLevel's flat contact (custom fields
 * `[{id, value}]`, labelled by the factory). `attachments` is a leftover HighLevel never fills (#324).
 */
function contactOf(payload: Item): Item {
  const { attachments: _unused, ...contact } = withoutEnvelope(payload);
  return { ...contact, dateUpdated: contact.dateUpdated ?? eventTime(payload) ?? contact.dateAdded };
}

const CONTACT_HELP = 'The webhook carries the whole contact (custom fields by id; their labels come from a cached read of the field list).';

const contactInstant = family({ noun: 'Contact', customFields: 'contact' });

export const newContactInstant = contactInstant({
  key: 'new_contact_instant',
  label: 'New Contact (Instant)',
  description: `Triggers when a new contact is added to your HighLevel location. ${INSTANT} ${CONTACT_HELP}`,
  events: ['ContactCreate'],
  twin: newContactTrigger,
  records: (payload) => [contactOf(payload)],
});

/** Every change is its own item, as in "Updated Contact": id = contact id + change time, `contactId` the contact. */
const asChange = (contact: Item) => ({ ...contact, id: `${contact.id}_${contact.dateUpdated}`, contactId: contact.id });

export const updatedContactInstant = contactInstant({
  key: 'updated_contact_instant',
  label: 'Contact Updated (Instant)',
  description: `Triggers when a contact is changed in your HighLevel location. ${INSTANT} ${CONTACT_HELP} HighLevel sends this for changes to most, not all, fields.`,
  events: ['ContactUpdate'],
  twin: updatedContactTrigger,
  records: (payload) => [asChange(contactOf(payload))],
});

export const deletedContactInstant = contactInstant({
  key: 'deleted_contact_instant',
  label: 'Contact Deleted (Instant)',
  description: `Triggers when a contact is deleted from your HighLevel location. ${INSTANT} The webhook carries the contact as it was.`,
  events: ['ContactDelete'],
  twin: newContactTrigger,
  records: (payload) => [{ ...contactOf(payload), deletedAt: eventTime(payload) }],
  // The twin's contact, plus when the event says it was deleted.
  sample: { ...newContactTrigger.def.sample, deletedAt: '2026-03-10T15:04:05.000Z' },
  outputFields: [...newContactTrigger.def.outputFields!, { key: 'deletedAt', label: 'Deleted At', type: 'datetime' }],
});

const tagFilter: FieldDef = {
  ...newContactWithTagTrigger.def.fields[0],
  required: false,
  helpText: 'Only when this tag is added (optional; leave empty for every added tag). Pick one or type it as it appears in HighLevel.',
};

/**
 * The tags the event added. HighLevel sends the contact's whole tag list; the relay compares it with the last list
 * it saw for that contact (kept durably) and adds `_relay.tagsAdded`. A contact the relay holds no list for (not seen since
 * the install, deleted, or its location reinstalled) has all its tags counted as added (relay/src/ingest.ts
 * firstSeenChange); a relay that does not compute it (older deployment) leaves only the whole list.
 */
export function tagsAdded(payload: Item): string[] {
  const added = payload._relay?.tagsAdded;
  if (Array.isArray(added)) return added.map(String);
  return Array.isArray(payload.tags) ? payload.tags.map(String) : [];
}

/** One item per added tag: id = contact id + tag, `contactId` the contact. */
const perTag = (contact: Item, tag: string) => ({ ...contact, id: `${contact.id}_${tag}`, contactId: contact.id, tag });

export const contactTagAddedInstant = contactInstant({
  key: 'contact_tag_added_instant',
  label: 'Contact Tag Added (Instant)',
  description: `Triggers when a tag is added to a contact (or a contact is created with it), once per added tag. ${INSTANT} HighLevel sends the whole tag list; the relay works out which tags were added against the last list it saw for the contact.`,
  // A new contact's tags come with ContactCreate; the relay's memory makes a second event for the same tags add nothing.
  events: ['ContactTagUpdate', 'ContactCreate'],
  twin: newContactWithTagTrigger,
  fields: [tagFilter],
  outputFields: [{ key: 'id', label: 'Change ID (contact ID and tag)' }, ...newContactWithTagTrigger.def.outputFields!],
  records: (payload) => {
    const contact = contactOf(payload);
    return tagsAdded(payload).map((tag) => perTag(contact, tag));
  },
  matches: (record, input) => !input.tag || sameText(record.tag, input.tag),
  // Samples: the twin needs a tag; without one, the newest contacts, one item per tag they carry.
  list: async (z, bundle) => {
    if (String(bundle.inputData?.tag ?? '').trim()) return newContactWithTagTrigger.perform(z, bundle);
    const contacts: Item[] = await newContactTrigger.perform(z, bundle);
    return contacts.flatMap((c) => (Array.isArray(c.tags) ? c.tags : []).map((tag: string) => perTag(c, tag)));
  },
});

export const contactDndChangedInstant = contactInstant({
  key: 'contact_dnd_changed_instant',
  label: 'Contact DND Changed (Instant)',
  description: `Triggers when a contact's Do Not Disturb settings change. ${INSTANT} The webhook carries the contact with its per-channel DND settings (HighLevel does not send inbound-DND changes).`,
  events: ['ContactDndUpdate'],
  twin: updatedContactTrigger,
  records: (payload) => [asChange(contactOf(payload))],
  // The twin's contact with the per-channel settings ContactDndUpdate carries (HighLevel's ContactDndUpdate doc).
  sample: {
    ...updatedContactTrigger.def.sample,
    dndSettings: Object.fromEntries(
      ['SMS', 'Email', 'Call', 'WhatsApp', 'GMB', 'FB'].map((c) => [c, { status: c === 'SMS' ? 'active' : 'inactive' }]),
    ),
  },
  outputFields: [
    ...updatedContactTrigger.def.outputFields!,
    ...['SMS', 'Email', 'Call', 'WhatsApp', 'GMB', 'FB'].map((c) => ({ key: `dndSettings__${c}__status`, label: `DND ${c} Status` })),
  ],
});

// ---- Notes and tasks --------------------------------------------------------------------------------------

/** The newest contacts' notes, for samples: New Note's twin watches one contact, this trigger the whole location. */
async function recentNotes(z: ZObject, bundle: Bundle): Promise<Item[]> {
  if (String(bundle.inputData?.contactId ?? '').trim()) return newNoteTrigger.perform(z, bundle);
  const contacts: Item[] = await newContactTrigger.perform(z, { ...bundle, meta: { ...bundle.meta, isLoadingSample: true } } as Bundle);
  const notes: Item[] = [];
  for (const contact of contacts.slice(0, 10)) {
    notes.push(...(await newNoteTrigger.perform(z, { ...bundle, inputData: { ...bundle.inputData, contactId: contact.id } } as Bundle)));
    if (notes.length >= 3) break;
  }
  return notes.sort((a, b) => String(b.dateAdded ?? '').localeCompare(String(a.dateAdded ?? '')));
}

export const newNoteInstant = hookTrigger({
  key: 'new_note_instant',
  noun: 'Note',
  label: 'New Note (Instant)',
  description: `Triggers when a note is added to any contact in your HighLevel location. ${INSTANT} The webhook carries the note's text and contact; its author is read with one request.`,
  events: ['NoteCreate'],
  twin: newNoteTrigger,
  records: (payload) => [withoutEnvelope(payload)],
  // HighLevel's NoteCreate carries only id, body, contactId and dateAdded (#312): one read adds the author.
  complete: (notes, ctx) =>
    Promise.all(
      notes.map(async (note) => {
        if (note.userId || !note.contactId) return note;
        const data = await softly(
          ctx.z,
          'Note author',
          () => ctx.call(contactsApi.getNote, { path: { contactId: note.contactId, id: note.id } }, { notFoundAsNull: true }),
          null,
        );
        const full = (data as Item | null)?.note;
        return full && typeof full === 'object' ? { ...full, ...note, userId: full.userId } : note;
      }),
    ),
  completes: [contactsApi.getNote, contactsApi.searchContacts],
  list: recentNotes,
});

const assigneeFilter: FieldDef = {
  ...assignedUserField,
  key: 'assignedTo',
  label: 'Assigned User',
  helpText: 'Only tasks assigned to this user (optional).',
};

/**
 * A task from its webhook. HighLevel's real TaskCreate arrives without contactId and body (#332): one task search
 * (by title, open tasks of the assignee) finds them.
 */
const taskOf = (payload: Item, completed: boolean): Item => ({ ...withoutEnvelope(payload), completed });

async function completeTasks(tasks: Item[], ctx: HookContext): Promise<Item[]> {
  return Promise.all(
    tasks.map(async (task) => {
      if (task.contactId && task.body !== undefined) return task;
      // Not filtered by completion: the task may have been completed since the event.
      const body = { query: task.title, limit: 100, ...(task.assignedTo ? { assignedTo: [task.assignedTo] } : {}) };
      const data = await softly(ctx.z, 'Task contact', () => ctx.call(contactsApi.searchLocationTasks, { body }), null);
      const found = recordsOf((data as Item | null)?.tasks).find((t) => t.id === task.id);
      if (!found) return task;
      const contactId =
        found.contactId ?? found.contactDetails?.id ?? found.relations?.find?.((r: Item) => r.objectKey === 'contact')?.recordId;
      return { ...task, contactId: task.contactId ?? contactId, body: task.body ?? found.body ?? found.description };
    }),
  );
}

const taskInstant = family({
  noun: 'Task',
  twin: newTaskTrigger,
  fields: [assigneeFilter],
  matches: (task: Item, input: Input) => !input.assignedTo || task.assignedTo === input.assignedTo,
  complete: completeTasks,
  completes: [contactsApi.searchLocationTasks],
});

export const newTaskInstant = taskInstant({
  key: 'new_task_instant',
  label: 'New Task (Instant)',
  description: `Triggers when a new task is added to any contact in your HighLevel location. ${INSTANT} When HighLevel's webhook lacks the task's contact and description, one task search adds them.`,
  events: ['TaskCreate'],
  records: (payload) => [taskOf(payload, false)],
});

export const taskCompletedInstant = taskInstant({
  key: 'task_completed_instant',
  label: 'Task Completed (Instant)',
  description: `Triggers when a task is marked completed in your HighLevel location. ${INSTANT} The webhook carries the task with its contact.`,
  events: ['TaskComplete'],
  records: (payload) => [taskOf(payload, true)],
  // Samples: the location's completed tasks.
  list: async (z, bundle) => {
    const tasks: Item[] = await newTaskTrigger.perform(z, {
      ...bundle,
      inputData: { ...bundle.inputData, includeCompleted: true },
    } as Bundle);
    return tasks.filter((t) => t.completed === true);
  },
});

// ---- Appointments -----------------------------------------------------------------------------------------

const calendarFilter: FieldDef = { ...calendarIdField, required: false, helpText: 'Only appointments on this calendar (optional).' };

/** The appointment of an Appointment* payload (nested under `appointment`), times in the zap's time zone. */
function appointmentOf(payload: Item, zone: string): Item {
  const appointment = payload.appointment && typeof payload.appointment === 'object' ? payload.appointment : {};
  return appointmentOutput({ locationId: payload.locationId, ...appointment }, zone);
}

const onCalendar = (a: Item, input: Input) => !input.calendarId || a.calendarId === input.calendarId;

/** Samples: the twin watches a calendar, user or group; with none chosen, the location's first calendar. */
function appointmentSamples(twin: typeof newAppointmentTrigger) {
  return async (z: ZObject, bundle: Bundle): Promise<Item[]> => {
    const input = (bundle.inputData ?? {}) as Item;
    if (input.calendarId || input.userId || input.groupId) return twin.perform(z, bundle);
    const data = await callHighLevel(z, bundle, calendarsApi.listCalendars, {});
    const first = recordsOf((data as Item | null)?.calendars)[0];
    return first ? twin.perform(z, { ...bundle, inputData: { ...input, calendarId: first.id } } as Bundle) : [];
  };
}

const zoneOf = (bundle: Bundle) => zapTimeZone({ bundle } as never);

/** Booked and Deleted as declared here; Updated overrides the twin, filters, items and samples. */
const appointmentInstant = family({
  noun: 'Appointment',
  twin: newAppointmentTrigger,
  fields: [calendarFilter],
  records: (payload: Item, _input: Input, bundle: Bundle) => [appointmentOf(payload, zoneOf(bundle))],
  matches: onCalendar,
  list: appointmentSamples(newAppointmentTrigger),
  completes: [calendarsApi.listCalendars],
});

export const appointmentBookedInstant = appointmentInstant({
  key: 'appointment_booked_instant',
  label: 'Appointment Booked (Instant)',
  description: `Triggers when an appointment is booked in your HighLevel location. ${INSTANT} The webhook carries the whole appointment; times are given in your zap's time zone.`,
  events: ['AppointmentCreate'],
});

const APPOINTMENT_STATUSES: Record<string, string> = {
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  showed: 'Showed',
  noshow: 'No-show',
};

/** The change time in UTC, so the item id does not change with the zap's time zone (as in "Updated Appointment"). */
const utcIso = (value: unknown) => {
  const at = toEpochMs(value, 'UTC');
  return at === undefined ? undefined : new Date(at).toISOString();
};

export const appointmentUpdatedInstant = appointmentInstant({
  key: 'appointment_updated_instant',
  label: 'Appointment Updated (Instant)',
  description: `Triggers when an appointment is changed (rescheduled, confirmed, cancelled, showed, no-show). ${INSTANT} The webhook carries the whole appointment.`,
  events: ['AppointmentUpdate'],
  twin: updatedAppointmentTrigger,
  fields: [
    {
      key: 'appointmentStatus',
      label: 'New Status',
      helpText: 'Only when the appointment has this status after the change (optional; leave empty for every change).',
      schema: v.oneOf(Object.keys(APPOINTMENT_STATUSES) as [string, ...string[]]),
      choices: APPOINTMENT_STATUSES,
    },
    calendarFilter,
  ],
  records: (payload, _input, bundle) => {
    const a = appointmentOf(payload, zoneOf(bundle));
    return [{ ...a, id: [a.id, utcIso(a.dateUpdated ?? eventTime(payload))].filter(Boolean).join('_'), appointmentId: a.id }];
  },
  matches: (a, input) => onCalendar(a, input) && (!input.appointmentStatus || a.appointmentStatus === input.appointmentStatus),
  list: appointmentSamples(updatedAppointmentTrigger),
});

export const appointmentDeletedInstant = appointmentInstant({
  key: 'appointment_deleted_instant',
  label: 'Appointment Deleted (Instant)',
  description: `Triggers when an appointment is deleted in your HighLevel location. ${INSTANT} The webhook carries the appointment as it was.`,
  events: ['AppointmentDelete'],
});

// ---- Opportunities ----------------------------------------------------------------------------------------

const pipelineFilter = relabel(
  pipelineIdField,
  'Pipeline',
  'Only opportunities in this pipeline (optional; leave empty for all pipelines).',
);
const inPipeline = (o: Item, input: Input) => !input.pipelineId || o.pipelineId === input.pipelineId;

/**
 * An Opportunity* payload: ids only (no pipeline or stage names, no contact). One read of the opportunity adds
 * the contact and custom fields the polling twin has; the event's own stage and status stay (the record may have
 * moved on since); pipeline and stage names come from the cached pipeline list (src/pipelines.ts).
 */
function opportunityOf(payload: Item): Item {
  const { dateAdded, ...rest } = withoutEnvelope(payload);
  return { ...rest, ...(dateAdded ? { createdAt: dateAdded } : {}) };
}

async function completeOpportunities(items: Item[], ctx: HookContext): Promise<Item[]> {
  return Promise.all(
    items.map(async (o) => {
      const id = o.opportunityId ?? o.id;
      const data = await softly(
        ctx.z,
        'Opportunity details',
        () => ctx.call(opportunitiesApi.getOpportunity, { path: { id } }, { notFoundAsNull: true }),
        null,
      );
      const full = (data as Item | null)?.opportunity;
      return full && typeof full === 'object' ? { ...full, ...o } : o;
    }),
  );
}

const OPPORTUNITY_HELP =
  'The webhook carries ids only: one read of the opportunity adds its contact and custom fields; pipeline and stage names come from a cached list.';

const opportunityInstant = family({
  noun: 'Opportunity',
  complete: completeOpportunities,
  completes: [opportunitiesApi.getOpportunity],
  customFields: 'opportunity',
  enrich: pipelineNames,
});

/**
 * A stage or status change (`by`: the field that changed): one item per change, id = opportunity id, the new value
 * and the event time (`stamp` takes the event time); the step filters on the pipeline and the new value.
 */
function opportunityChange(
  by: 'pipelineStageId' | 'status',
  stamp: 'lastStageChangeAt' | 'lastStatusChangeAt',
): Pick<HookTriggerDef, 'records' | 'matches' | 'relayFilters'> {
  return {
    records: (payload) => {
      const o = opportunityOf(payload);
      const at = eventTime(payload);
      return [{ ...o, [stamp]: at ?? o[stamp], id: [o.id, o[by], at].filter(Boolean).join('_'), opportunityId: o.id }];
    },
    matches: (o, input) => inPipeline(o, input) && (!input[by] || o[by] === input[by]),
    relayFilters: (input) => ({ pipelineId: input.pipelineId, [by]: input[by] }),
  };
}

export const newOpportunityInstant = opportunityInstant({
  key: 'new_opportunity_instant',
  label: 'New Opportunity (Instant)',
  description: `Triggers when a new opportunity is added to your HighLevel location. ${INSTANT} ${OPPORTUNITY_HELP}`,
  events: ['OpportunityCreate'],
  twin: newOpportunityTrigger,
  fields: [pipelineFilter],
  records: (payload) => [opportunityOf(payload)],
  matches: inPipeline,
  relayFilters: (input) => ({ pipelineId: input.pipelineId }),
});

export const opportunityStageChangedInstant = opportunityInstant({
  key: 'opportunity_stage_changed_instant',
  label: 'Opportunity Stage Changed (Instant)',
  description: `Triggers when an opportunity enters a new pipeline stage. ${INSTANT} Fires once per move (HighLevel's accompanying OpportunityUpdate is not used). ${OPPORTUNITY_HELP}`,
  // HighLevel sends OpportunityUpdate AND OpportunityStageUpdate for one move (#27): only the specific event.
  events: ['OpportunityStageUpdate'],
  twin: opportunityStageChangedTrigger,
  fields: opportunityStageChangedTrigger.def.fields,
  ...opportunityChange('pipelineStageId', 'lastStageChangeAt'),
});

export const opportunityStatusChangedInstant = opportunityInstant({
  key: 'opportunity_status_changed_instant',
  label: 'Opportunity Status Changed (Instant)',
  description: `Triggers when an opportunity is marked won, lost, abandoned or open again. ${INSTANT} Fires once per change. ${OPPORTUNITY_HELP}`,
  events: ['OpportunityStatusUpdate'],
  twin: opportunityStatusChangedTrigger,
  fields: opportunityStatusChangedTrigger.def.fields,
  ...opportunityChange('status', 'lastStatusChangeAt'),
});

// ---- Messages ---------------------------------------------------------------------------------------------

/** Webhook `messageType` (SMS, Email, CALL, VoiceMail, WhatsApp, …) → the API's `TYPE_*` and the channel filter's value. */
const MESSAGE_TYPES: Record<string, { type: string; channel: (typeof messageChannels)[number] | string }> = {
  sms: { type: 'TYPE_SMS', channel: 'SMS' },
  email: { type: 'TYPE_EMAIL', channel: 'Email' },
  call: { type: 'TYPE_CALL', channel: 'Call' },
  voicemail: { type: 'TYPE_CALL', channel: 'Call' },
  whatsapp: { type: 'TYPE_WHATSAPP', channel: 'WhatsApp' },
  ig: { type: 'TYPE_INSTAGRAM', channel: 'Instagram' },
  instagram: { type: 'TYPE_INSTAGRAM', channel: 'Instagram' },
  fb: { type: 'TYPE_FACEBOOK', channel: 'Facebook' },
  facebook: { type: 'TYPE_FACEBOOK', channel: 'Facebook' },
  gmb: { type: 'TYPE_GMB', channel: 'GMB' },
  live_chat: { type: 'TYPE_LIVE_CHAT', channel: 'Live Chat' },
};

export function messageOf(payload: Item, direction: 'inbound' | 'outbound'): Item {
  const message = withoutEnvelope(payload);
  const raw = String(message.messageType ?? '');
  const known = MESSAGE_TYPES[raw.toLowerCase()];
  // SMS examples carry no messageId: the relay's webhook id keeps the item unique.
  const id = message.messageId ?? message.id ?? payload.webhookId ?? payload._relay?.webhookId;
  return {
    ...message,
    id,
    messageType: raw.startsWith('TYPE_') ? raw : (known?.type ?? (raw ? `TYPE_${raw.toUpperCase()}` : undefined)),
    channel: known?.channel ?? raw,
    // The docs' examples mislabel some directions; the event type says which way the message went.
    direction,
  };
}

const channelFilter: FieldDef = {
  key: 'channel',
  label: 'Channel',
  helpText: 'Only messages of this channel (optional; leave empty for every channel, email included).',
  schema: v.oneOf(messageChannels),
  choices: Object.fromEntries(messageChannels.map((c) => [c, c])),
};

const MESSAGE_HELP = 'The webhook carries the whole message (emails with subject, sender and recipients; calls with duration).';

/** The twin's message plus what the webhook adds (an email's subject and addresses, a call's duration, the user). */
const messageSample = {
  ...newInboundMessageTrigger.def.sample,
  channel: 'Email',
  subject: 'Re: Water heater quote',
  from: 'rosa.alvarez@example.com',
  to: ['office@example.com'],
  callDuration: 0,
  userId: 'u_8HcT2mXw1pQzLr4sVb7N',
};

const messageOutputFields = [
  ...newInboundMessageTrigger.def.outputFields!,
  { key: 'channel', label: 'Channel' },
  { key: 'subject', label: 'Email Subject' },
  { key: 'from', label: 'Email From' },
  { key: 'to', label: 'Email To' },
  { key: 'callDuration', label: 'Call Duration (s)', type: 'number' as const },
  { key: 'userId', label: 'User ID' },
];

const messageInstant = family({
  noun: 'Message',
  twin: newInboundMessageTrigger,
  fields: [channelFilter],
  matches: (m: Item, input: Input) => !input.channel || sameText(m.channel, input.channel),
  outputFields: messageOutputFields,
});

export const newInboundMessageInstant = messageInstant({
  key: 'new_inbound_message_instant',
  label: 'New Inbound Message (Instant)',
  description: `Triggers when a contact sends a message (SMS, email, WhatsApp, call…) to your HighLevel location. ${INSTANT} ${MESSAGE_HELP}`,
  events: ['InboundMessage'],
  records: (payload) => [messageOf(payload, 'inbound')],
  sample: messageSample,
});

export const newOutboundMessageInstant = messageInstant({
  key: 'new_outbound_message_instant',
  label: 'New Outbound Message (Instant)',
  description: `Triggers when a message is sent to a contact from your HighLevel location (by a user, a workflow or a campaign). ${INSTANT} ${MESSAGE_HELP}`,
  events: ['OutboundMessage'],
  records: (payload) => [messageOf(payload, 'outbound')],
  // Samples: the message export (the inbound twin's source), outbound messages kept.
  list: async (z, bundle) => {
    const channel = (bundle.inputData as Item | undefined)?.channel;
    const data = await callHighLevel(z, bundle, conversationsApi.exportMessages, {
      query: { limit: 100, sortBy: 'createdAt', sortOrder: 'desc', channel },
    });
    return recordsOf((data as Item | null)?.messages).filter((m) => m.direction === 'outbound');
  },
  sample: { ...messageSample, direction: 'outbound' },
});
