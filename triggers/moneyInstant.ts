import type { Bundle, ZObject } from 'zapier-platform-core';
import { invoiceOf, listInvoices } from '../src/api/invoices';
import { objectsApi, propertyOutputFields } from '../src/api/objects';
import { callHighLevel } from '../src/client';
import { eventTime, hookTrigger, HookContext, withoutEnvelope } from '../src/factories/hook';
import { Context, Item } from '../src/factories/operation';
import { objectKeyField } from '../src/fields/object';
import { newInvoice } from './invoices';
import { newObjectRecord } from './objects';
import { newOrder } from './payments';

// Instant invoice, order and custom object record triggers (issue 14), on the relay like triggers/instant.ts. Each
// outputs its polling twin's shape. Payload shapes: `docs/webhook events/Invoice*.md`, `Order*.md`, `Record*.md` in
// GoHighLevel/highlevel-api-docs (../shared/research/instant-triggers.md): Invoice* is the invoice (`_id`, routed by
// `altId`), Order* the order (`_id`), Record* the record (`id`, `objectKey`, `timestamp`; properties not always).

const INSTANT = 'Instant: HighLevel sends the event as it happens, through the relay.';

const ctxOf = (z: ZObject, bundle: Bundle): Context => ({
  z,
  bundle,
  call: (endpoint, parts, options) => callHighLevel(z, bundle, endpoint, parts, options),
});

// ---- Invoices -------------------------------------------------------------------------------------------------

/** One item per event: its id joins the record's id and what tells the events apart (the event, its time). */
const eventId = (...parts: unknown[]) => parts.filter(Boolean).join('_');

/** An invoice event's payload as New Invoice outputs it; every event is its own item (`invoiceId` the invoice). */
function invoiceEvent(payload: Item, event: string): Item {
  const invoice = invoiceOf(withoutEnvelope(payload));
  const at = eventTime(payload) ?? invoice.updatedAt;
  return { ...invoice, id: eventId(invoice.id, event, at), invoiceId: invoice.id };
}

function invoiceHook(key: string, label: string, event: string, status: string, what: string) {
  return hookTrigger({
    key,
    noun: 'Invoice',
    label,
    description: `Triggers when ${what}. ${INSTANT}`,
    events: [event],
    twin: newInvoice,
    records: (payload) => [invoiceEvent(payload, event)],
    // Samples in the editor: the latest invoices in that status.
    list: async (z, bundle) => (await listInvoices(ctxOf(z, bundle), { status }, 10)).map((i) => invoiceEvent(i, event)),
    // What records() outputs: one item per event, the invoice's own id as invoiceId.
    sample: {
      ...newInvoice.def.sample,
      id: eventId(newInvoice.def.sample.id, event, newInvoice.def.sample.updatedAt),
      invoiceId: newInvoice.def.sample.id,
    },
    outputFields: [...(newInvoice.def.outputFields ?? []), { key: 'invoiceId', label: 'Invoice ID (the Invoice)' }],
  });
}

export const invoicePaidInstant = invoiceHook(
  'invoice_paid_instant',
  'Invoice Paid (Instant)',
  'InvoicePaid',
  'paid',
  'an invoice is paid in full',
);
export const invoicePartiallyPaidInstant = invoiceHook(
  'invoice_partially_paid_instant',
  'Invoice Partially Paid (Instant)',
  'InvoicePartiallyPaid',
  'partially_paid',
  'a payment covers part of an invoice (each such payment triggers)',
);
export const invoiceSentInstant = invoiceHook(
  'invoice_sent_instant',
  'Invoice Sent (Instant)',
  'InvoiceSent',
  'sent',
  'an invoice is sent to its contact',
);
export const invoiceVoidedInstant = invoiceHook(
  'invoice_voided_instant',
  'Invoice Voided (Instant)',
  'InvoiceVoid',
  'void',
  'an invoice is voided',
);

// ---- Orders -----------------------------------------------------------------------------------------------------

/** An order event's payload as New Order outputs it (`_id` as `id`). */
const orderOf = (payload: Item): Item => {
  const order = withoutEnvelope(payload);
  return { ...order, id: order._id ?? order.id };
};

export const orderCreatedInstant = hookTrigger({
  key: 'order_created_instant',
  noun: 'Order',
  label: 'New Order (Instant)',
  description: `Triggers when an order is placed (funnels, store, payment links, invoices). ${INSTANT}`,
  events: ['OrderCreate'],
  twin: newOrder,
  records: (payload) => [orderOf(payload)],
});

/** Each status change is its own item: id = order id + status + time, `orderId` the order. */
export const orderStatusUpdatedInstant = hookTrigger({
  key: 'order_status_updated_instant',
  noun: 'Order',
  label: 'Order Status Changed (Instant)',
  description: `Triggers when an order's status changes (e.g. completed, refunded, cancelled). ${INSTANT}`,
  events: ['OrderStatusUpdate'],
  twin: newOrder,
  records: (payload) => {
    const order = orderOf(payload);
    return [{ ...order, id: eventId(order.id, order.status, eventTime(payload) ?? order.updatedAt), orderId: order.id }];
  },
  sample: {
    ...newOrder.def.sample,
    id: eventId(newOrder.def.sample.id, newOrder.def.sample.status, newOrder.def.sample.updatedAt),
    orderId: newOrder.def.sample.id,
  },
  outputFields: [...(newOrder.def.outputFields ?? []), { key: 'orderId', label: 'Order ID (the Order)' }],
});

// ---- Custom object records -----------------------------------------------------------------------------------------

const objectFilter = { ...objectKeyField, altersDynamicFields: false, helpText: 'The custom object whose records trigger (e.g. Pets).' };

/** The record part of a Record* payload, with its object's key. */
const recordOf = (payload: Item, objectKey: string): Item => {
  const record = withoutEnvelope(payload);
  return { ...record, objectKey: record.objectKey ?? objectKey };
};

/**
 * A Record* payload may come without the properties: those records are read (one request each, at most 10) so the
 * output has New Custom Object Record's shape. A read that fails keeps what the webhook carried.
 */
async function withProperties(records: Item[], ctx: HookContext): Promise<Item[]> {
  const thin = records.filter((r) => !r.properties || typeof r.properties !== 'object').slice(0, 10);
  const read = new Map<string, Item>();
  for (const r of thin) {
    try {
      const data = await ctx.call(
        objectsApi.getRecord,
        { path: { schemaKey: r.objectKey, id: r.recordId ?? r.id } },
        { notFoundAsNull: true },
      );
      if (data?.record) read.set(r.id, data.record);
    } catch (error) {
      ctx.z.console.log(`Record ${r.recordId ?? r.id} unavailable, output keeps what the webhook carried: ${(error as Error).message}`);
    }
  }
  return records.map((r) => {
    const full = read.get(r.id);
    return full
      ? {
          ...r,
          properties: full.properties,
          owner: full.owner ?? r.owner,
          createdAt: r.createdAt ?? full.dateAdded,
          updatedAt: r.updatedAt ?? full.dateUpdated,
        }
      : r;
  });
}

const twinSample = newObjectRecord.def.sample;

function recordHook(key: string, label: string, event: string, what: string, asChange: boolean) {
  return hookTrigger({
    key,
    noun: 'Record',
    label,
    description: `Triggers when ${what}. ${INSTANT}`,
    events: [event],
    twin: newObjectRecord,
    fields: [objectFilter],
    records: (payload, input) => {
      const record = recordOf(payload, input.objectKey);
      return [asChange ? { ...record, id: eventId(record.id, eventTime(payload)), recordId: record.id } : record];
    },
    ...(asChange ? { sample: { ...twinSample, id: eventId(twinSample.id, twinSample.updatedAt), recordId: twinSample.id } } : {}),
    matches: (record, input) => record.objectKey === input.objectKey,
    relayFilters: (input) => ({ objectKey: input.objectKey }),
    complete: withProperties,
    completes: [objectsApi.getRecord],
    outputFields: [
      ...(newObjectRecord.def.outputFields ?? []),
      ...(asChange ? [{ key: 'recordId', label: 'Record ID (the Record)' }] : []),
    ],
    zapier: {
      outputFields: [
        ...(newObjectRecord.def.outputFields ?? []),
        ...(asChange ? [{ key: 'recordId', label: 'Record ID (the Record)' }] : []),
        propertyOutputFields(),
      ],
    },
  });
}

export const objectRecordCreatedInstant = recordHook(
  'object_record_created_instant',
  'New Custom Object Record (Instant)',
  'RecordCreate',
  'a record is added to a custom object',
  false,
);
export const objectRecordUpdatedInstant = recordHook(
  'object_record_updated_instant',
  'Custom Object Record Updated (Instant)',
  'RecordUpdate',
  'a custom object record is changed',
  true,
);
