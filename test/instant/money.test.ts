import nock from 'nock';
import { clearLocationTokenCache } from '../../src/connection';
import { RELAY_URL_ENV } from '../../src/factories/hook';
import { invoiceSample } from '../../src/fields/invoice';
import { searchedRecordSample } from '../../src/fields/object';
import { orderSample } from '../../src/fields/payment';
import { operations } from '../../app/operations';
import { AUTH, appTester, failureOf, highlevel } from '../support/highlevel';

// The instant invoice, order and custom object record triggers (triggers/moneyInstant.ts): their perform on
// HighLevel's payload shapes (docs/webhook events/Invoice*.md, Order*.md, Record*.md), filters, completing reads,
// and their samples (performList) from HighLevel's lists.

const RELAY = 'https://relay.example.test';
type Item = Record<string, any>;
const byKey = (key: string) => operations.find((op) => op.key === key)!;
const perform = (key: string, payload: Item, inputData: Item = {}): Promise<any> =>
  appTester(byKey(key).perform as any, { authData: AUTH, inputData, cleanedRequest: payload, meta: { timezone: 'UTC' } } as any);
const list = (key: string, inputData: Item = {}): Promise<any> =>
  appTester(byKey(key).hook!.performList as any, { authData: AUTH, inputData, meta: {} } as any);
const envelope = (event: Item, type: string, webhookId = 'wh-1'): Item => ({
  type,
  ...event,
  webhookId,
  timestamp: '2026-03-04T10:00:00.000Z',
  appId: 'app1',
  _relay: { webhookId, receivedAt: '2026-03-04T10:00:00.250Z', attempt: 1 },
});

const { id: _i, ...invoice } = invoiceSample; // HighLevel's invoice: `_id`, routed by altId
const { id: _o, ...order } = orderSample;
const {
  objectKey: _k,
  properties: _p,
  ...thinRecord
} = { ...searchedRecordSample, objectKey: 'custom_objects.pet', locationId: AUTH.locationId };

beforeEach(() => {
  process.env[RELAY_URL_ENV] = RELAY;
  clearLocationTokenCache();
  (appTester as any).zcacheTestObj = {};
});
afterEach(() => {
  delete process.env[RELAY_URL_ENV];
  expect(nock.pendingMocks()).toEqual([]);
});

describe('instant invoice triggers', () => {
  it.each([
    ['invoice_paid_instant', 'InvoicePaid', 'paid'],
    ['invoice_partially_paid_instant', 'InvoicePartiallyPaid', 'partially_paid'],
    ['invoice_sent_instant', 'InvoiceSent', 'sent'],
    ['invoice_voided_instant', 'InvoiceVoid', 'void'],
  ])('%s: the invoice in New Invoice shape, one item per event, no request', async (key, type, status) => {
    const [item] = await perform(key, envelope({ ...invoice, status }, type));
    expect(item).toMatchObject({ invoiceId: invoice._id, status, total: invoice.total, contactDetails: { id: invoice.contactDetails.id } });
    expect(item.id).toBe(`${invoice._id}_${type}_2026-03-04T10:00:00.000Z`);
    // Another event type (or a test post) yields nothing.
    expect(await perform(key, envelope({ ...invoice, status }, 'InvoiceCreate'))).toEqual([]);
  });

  it('two partial payments of one invoice are two items', async () => {
    const first = await perform(
      'invoice_partially_paid_instant',
      envelope({ ...invoice, amountPaid: 100 }, 'InvoicePartiallyPaid', 'wh-1'),
    );
    const second = await perform('invoice_partially_paid_instant', {
      ...envelope({ ...invoice, amountPaid: 300 }, 'InvoicePartiallyPaid', 'wh-2'),
      timestamp: '2026-03-05T09:00:00.000Z',
    });
    expect(first[0].id).not.toBe(second[0].id);
  });

  it('samples: the latest invoices in that status', async () => {
    highlevel()
      .get('/invoices/')
      .query({
        altId: AUTH.locationId,
        altType: 'location',
        limit: '10',
        offset: '0',
        sortField: 'issueDate',
        sortOrder: 'descend',
        status: 'paid',
      })
      .reply(200, { invoices: [{ ...invoice, status: 'paid' }], total: 1 });
    const samples = await list('invoice_paid_instant');
    expect(samples).toEqual([expect.objectContaining({ invoiceId: invoice._id, status: 'paid' })]);
  });
});

describe('instant order triggers', () => {
  it('New Order (Instant): the order as New Order outputs it', async () => {
    expect(await perform('order_created_instant', envelope({ ...order, locationId: AUTH.locationId }, 'OrderCreate'))).toEqual([
      expect.objectContaining({ id: order._id, amount: order.amount, contactId: order.contactId }),
    ]);
  });

  it('Order Status Changed (Instant): one item per status change, orderId the order', async () => {
    const [refunded] = await perform('order_status_updated_instant', envelope({ ...order, status: 'refunded' }, 'OrderStatusUpdate'));
    expect(refunded).toMatchObject({ orderId: order._id, status: 'refunded' });
    expect(refunded.id).toBe(`${order._id}_refunded_2026-03-04T10:00:00.000Z`);
  });
});

describe('instant custom object record triggers', () => {
  const objectKey = 'custom_objects.pet';

  it('a thin payload is completed with the record (one read) and keeps its object', async () => {
    highlevel()
      .get(`/objects/${objectKey}/records/${thinRecord.id}`)
      .reply(200, {
        record: {
          id: thinRecord.id,
          owner: [],
          followers: [],
          properties: { name: 'Buddy' },
          dateAdded: '2026-03-04T09:59:59.000Z',
          dateUpdated: '2026-03-04T09:59:59.000Z',
        },
      });
    const [record] = await perform('object_record_created_instant', envelope({ ...thinRecord, objectKey }, 'RecordCreate'), { objectKey });
    expect(record).toMatchObject({ id: thinRecord.id, objectKey, properties: { name: 'Buddy' } });
  });

  it('another object is filtered out before any request; an update is its own item', async () => {
    expect(
      await perform('object_record_created_instant', envelope({ ...thinRecord, objectKey: 'custom_objects.car' }, 'RecordCreate'), {
        objectKey,
      }),
    ).toEqual([]);
    const [changed] = await perform(
      'object_record_updated_instant',
      envelope({ ...thinRecord, objectKey, properties: { name: 'Rex' } }, 'RecordUpdate'),
      { objectKey },
    );
    expect(changed).toMatchObject({
      recordId: thinRecord.id,
      properties: { name: 'Rex' },
      id: `${thinRecord.id}_2026-03-04T10:00:00.000Z`,
    });
  });

  it('a failing completing read keeps what the webhook carried', async () => {
    highlevel().get(`/objects/${objectKey}/records/${thinRecord.id}`).reply(500, { message: 'boom' });
    const [record] = await perform('object_record_created_instant', envelope({ ...thinRecord, objectKey }, 'RecordCreate'), { objectKey });
    expect(record).toMatchObject({ id: thinRecord.id, objectKey });
    expect(record.properties).toBeUndefined();
  });

  it('the object is required to turn the zap on', async () => {
    const error = await failureOf(
      appTester(
        byKey('object_record_created_instant').hook!.performSubscribe as any,
        { authData: AUTH, inputData: {}, targetUrl: 'https://hooks.zapier.com/hooks/standard/1/a/' } as any,
      ),
    );
    expect(error.message).toMatch(/Object \(objectKey\) is required/);
  });
});
