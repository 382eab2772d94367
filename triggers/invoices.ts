import { altOf, invoicesApi, invoiceOf, listInvoices } from '../src/api/invoices';
import { Item } from '../src/factories/operation';
import { PollContext, pollingTrigger } from '../src/factories/trigger';
import { Endpoint } from '../src/api/endpoint';
import { estimateSample, invoiceOutputFields, invoiceSample } from '../src/fields/invoice';

const { id: _id, ...invoiceRecord } = invoiceSample;
const { id: _estimateId, ...estimateRecord } = estimateSample;

/**
 * New Invoice. `GET /invoices/` sorts by issue date only (newest first), so a poll reads pages of 100 until it
 * reaches one the previous poll saw first (marked by the first page's ids: invoices issued the same day have no
 * known order), and the app orders them by `createdAt`: one request unless 100 or more were issued since. An invoice
 * issued with a date older than the previous poll's first page is not seen.
 */
export const newInvoice = pollingTrigger({
  key: 'new_invoice',
  noun: 'Invoice',
  label: 'New Invoice',
  description: 'Triggers when an invoice is created in your HighLevel location (draft or sent).',
  endpoint: invoicesApi.listInvoices,
  fields: [],
  perform: async (_input, ctx) => (await listInvoices(ctx, {}, ctx.limit, ctx.page * ctx.limit)).map(invoiceOf),
  serverSorted: {},
  newestFirst: (i) => i.createdAt,
  resultKey: 'invoices',
  sample: invoiceSample,
  sampleAnswer: { invoices: [invoiceRecord], total: 1 },
  outputFields: invoiceOutputFields,
});

const DROPDOWN_PAGE = 50;
const money = (i: Item) => (typeof i.total === 'number' ? `${i.total} ${i.currency ?? ''}`.trim() : '');

/** A hidden dropdown source: HighLevel's list needs the location as `altId` (read from the connection), so it pages itself. */
function listTrigger(
  key: string,
  noun: string,
  endpoint: Endpoint,
  sample: Item,
  sampleAnswer: unknown,
  resultKey: string,
  label: (i: Item) => string,
  list: (ctx: PollContext, offset: number) => Promise<Item[]>,
) {
  return pollingTrigger({
    key,
    noun,
    label: `List ${noun}s`,
    description: `Lists ${noun.toLowerCase()}s for dropdowns, newest first.`,
    hidden: true,
    endpoint,
    fields: [],
    perform: async (_input, ctx) =>
      (await list(ctx, ctx.page * DROPDOWN_PAGE)).map(invoiceOf).map((i) => ({ ...i, name: label(i) || String(i.id ?? '') })),
    resultKey,
    sample,
    sampleAnswer,
    zapier: { canPaginate: true },
  });
}

export const invoiceDropdown = listTrigger(
  'invoice_list',
  'Invoice',
  invoicesApi.listInvoices,
  { id: invoiceSample.id, name: '#1019 · Water heater install – Delgado · Rosa Delgado · 1200 USD · sent' },
  { invoices: [invoiceRecord], total: 1 },
  'invoices',
  (i) =>
    [i.invoiceNumber !== undefined ? `#${i.invoiceNumber}` : '', i.name, i.contactDetails?.name, money(i), i.status]
      .filter(Boolean)
      .join(' · '),
  (ctx, offset) => listInvoices(ctx, {}, DROPDOWN_PAGE, offset),
);

export const estimateDropdown = listTrigger(
  'estimate_list',
  'Estimate',
  invoicesApi.listEstimates,
  { id: estimateSample.id, name: 'Bathroom remodel – Delgado · Rosa Delgado · 8400 USD · draft' },
  { estimates: [estimateRecord], total: 1, traceId: estimateSample.traceId },
  'estimates',
  (e) => [e.name, e.contactDetails?.name, money(e), e.estimateStatus].filter(Boolean).join(' · '),
  async (ctx, offset) => {
    const data = await ctx.call(invoicesApi.listEstimates, {
      query: { ...(await altOf(ctx)), limit: String(DROPDOWN_PAGE), offset: String(offset) },
    });
    return ((data?.estimates ?? []) as Item[]).filter((e) => e && typeof e === 'object');
  },
);
