import type { Bundle, ZObject } from 'zapier-platform-core';
import { locationsApi } from '../src/api/locations';
import { callHighLevel } from '../src/client';
import { at, EVENT_TYPES, eventOutputFields, eventType, flatten } from '../src/events';
import { hookTrigger } from '../src/factories/hook';
import { editorKeys, withSampleLabels } from '../src/factories/output';
import { Item } from '../src/factories/operation';
import { appointmentSample } from '../src/fields/appointment';
import { contactSample } from '../src/fields/contact';
import { messageSample } from '../src/fields/conversation';
import { locationSample } from '../src/fields/location';
import { noteSample } from '../src/fields/note';
import { opportunitySample } from '../src/fields/opportunity';
import { taskSample } from '../src/fields/task';
import * as v from '../src/fields/values';

// "New HighLevel Event": any event type HighLevel sends for a location (src/events.ts), the payload flattened into
// labelled fields. For events without a typed trigger (invoices, orders, custom objects, campaigns…).

const TYPES = EVENT_TYPES.map((t) => t.type) as [string, ...string[]];

/** The delivered payload as one flat item: `id` is the record's id (else the webhook's), nested keys joined by `__`. */
export function eventRecord(payload: Item): Item {
  const { _relay, ...body } = payload;
  const known = eventType(String(body.type));
  const webhookId = body.webhookId ?? _relay?.webhookId;
  const id = (known && at(body, known.idPath)) ?? body.id ?? body._id ?? webhookId;
  return {
    ...flatten(body),
    id,
    ...(webhookId ? { webhookId } : {}),
    ...(body.timestamp || !_relay?.receivedAt ? {} : { timestamp: _relay.receivedAt }),
  };
}

/** An example of the chosen event for the connected location (shapes from the docs; the app's samples as values). */
export function exampleEvent(type: string, locationId: string): Item {
  const known = eventType(type);
  const family = known?.family;
  const { dateUpdated: _u, ...contact } = contactSample;
  const bodies: Partial<Record<string, Item>> = {
    contact,
    note: { id: noteSample.id, body: noteSample.body, contactId: noteSample.contactId, dateAdded: noteSample.dateAdded },
    task: { ...taskSample, dateAdded: '2026-03-04T10:12:45.000Z' },
    appointment: { appointment: { ...appointmentSample, source: 'booking_widget' } },
    opportunity: {
      id: opportunitySample.id,
      name: opportunitySample.name,
      status: opportunitySample.status,
      pipelineId: opportunitySample.pipelineId,
      pipelineStageId: opportunitySample.pipelineStageId,
      monetaryValue: opportunitySample.monetaryValue,
      assignedTo: opportunitySample.assignedTo,
      contactId: opportunitySample.contactId,
      source: opportunitySample.source,
      dateAdded: opportunitySample.createdAt,
    },
    message: {
      messageId: messageSample.id,
      messageType: 'SMS',
      body: messageSample.body,
      direction: type === 'OutboundMessage' ? 'outbound' : 'inbound',
      status: 'delivered',
      contactId: messageSample.contactId,
      conversationId: messageSample.conversationId,
      dateAdded: messageSample.dateAdded,
      contentType: 'text/plain',
      attachments: [],
    },
  };
  const fallback = Object.fromEntries(
    eventOutputFields(type)
      .slice(5)
      .map((f) => [f.key, `(${f.label})`]),
  );
  const body = (family && bodies[family]) ?? fallback;
  return eventRecord({ type, locationId, ...body, webhookId: 'example-webhook-id', timestamp: '2026-03-04T10:12:45.000Z' });
}

const SAMPLE = exampleEvent('ContactCreate', locationSample.id);
/** Labels for the sample's keys: ContactCreate's own where the catalogue has them, else derived from the key. */
const SAMPLE_LABELS = withSampleLabels(
  eventOutputFields('ContactCreate').filter((f) => editorKeys(SAMPLE).includes(f.key)),
  SAMPLE,
  'Event',
);

export const newHighLevelEventInstant = hookTrigger({
  key: 'new_highlevel_event_instant',
  noun: 'Event',
  label: 'New HighLevel Event (Instant)',
  description:
    'Triggers when HighLevel sends the chosen event for your location (any of the webhook events HighLevel offers: invoices, orders, products, custom objects, campaigns and more). Instant: through the relay. The output is the event as HighLevel sends it, nested fields flattened.',
  events: TYPES,
  eventsFor: (input) => [input.eventType],
  endpoint: locationsApi.getLocation,
  fields: [
    {
      key: 'eventType',
      label: 'Event',
      helpText:
        'The HighLevel event to watch. The marketplace app must have this event enabled (and its scope), or HighLevel does not send it.',
      schema: v.oneOf(TYPES),
      required: true,
      choices: Object.fromEntries(EVENT_TYPES.map((t) => [t.type, `${t.label} (${t.type})`])),
      altersDynamicFields: true,
    },
  ],
  records: (payload) => [eventRecord(payload)],
  // Samples: the connection is checked by reading its location; the example is the chosen event's documented shape.
  list: async (z: ZObject, bundle: Bundle) => {
    const data = await callHighLevel(z, bundle, locationsApi.getLocation);
    const locationId = (data as Item | null)?.location?.id ?? '';
    return [exampleEvent(String(bundle.inputData?.eventType ?? 'ContactCreate'), locationId)];
  },
  sample: SAMPLE,
  resultKey: 'location',
  sampleAnswer: { location: locationSample },
  // The sample is a ContactCreate: its fields labelled; the chosen event's own fields come from the function below.
  outputFields: SAMPLE_LABELS,
  zapier: {
    outputFields: [
      ...SAMPLE_LABELS,
      (_z: ZObject, bundle: Bundle) => eventOutputFields(String(bundle.inputData?.eventType ?? '')).slice(5),
    ],
  },
});
