import { altOf, invoicesApi, invoiceOf, listInvoices } from '../src/api/invoices';
import { collectPages } from '../src/client';
import { matchByName } from '../src/factories/nameSearch';
import { records } from '../src/factories/operation';
import { searchAction } from '../src/factories/search';
import { relabel } from '../src/fields/field';
import { contactIdField } from '../src/fields/common';
import { estimateOutputFields, estimateSample, invoiceOutputFields, invoiceSample } from '../src/fields/invoice';
import * as v from '../src/fields/values';

const { id: _id, ...invoiceRecord } = invoiceSample;
const { id: _estimateId, ...estimateRecord } = estimateSample;
const STATUSES = ['draft', 'sent', 'payment_processing', 'paid', 'void', 'partially_paid'] as const;

/** Find Invoice: by ID (`GET /invoices/{invoiceId}`), else HighLevel's search (id, name, email, phone), contact, status. */
export const findInvoice = searchAction({
  key: 'find_invoice',
  noun: 'Invoice',
  label: 'Find Invoice',
  description: 'Finds an invoice by ID, or the latest one matching a name, number, contact or status.',
  endpoint: invoicesApi.getInvoice,
  alsoCalls: [invoicesApi.listInvoices],
  fields: [
    { key: 'invoiceId', label: 'Invoice ID', helpText: 'Find the invoice with exactly this ID.', schema: v.id() },
    {
      key: 'search',
      label: 'Search Text',
      helpText: "Text HighLevel matches against the invoice's number, name and the contact's email or phone.",
      schema: v.text(200),
    },
    { ...relabel(contactIdField, 'Contact', "Only the contact's invoices."), required: false },
    {
      key: 'status',
      label: 'Status',
      helpText: 'Only invoices in this status.',
      schema: v.oneOf(STATUSES),
      choices: {
        draft: 'Draft',
        sent: 'Sent',
        payment_processing: 'Payment processing',
        paid: 'Paid',
        void: 'Void',
        partially_paid: 'Partially paid',
      },
    },
  ],
  perform: async (input, ctx) => {
    if (input.invoiceId) {
      const data = await ctx.call(
        invoicesApi.getInvoice,
        { path: { invoiceId: input.invoiceId }, query: await altOf(ctx) },
        { notFoundAsNull: true },
      );
      return data && (data._id || data.id) ? [invoiceOf(data)] : [];
    }
    if (!input.search && !input.contactId && !input.status) {
      throw new ctx.z.errors.Error('Find Invoice: fill in Invoice ID, Search Text, Contact or Status.', 'InvalidInput', 400);
    }
    return (await listInvoices(ctx, { search: input.search, contactId: input.contactId, status: input.status }, 100)).map(invoiceOf);
  },
  sample: invoiceSample,
  sampleAnswer: invoiceRecord,
  outputFields: invoiceOutputFields,
});

const ESTIMATE_PAGE = 50;

/** Find Estimate, for the estimate dropdown: HighLevel's search of estimate names (`search`), exact names first. */
export const findEstimate = searchAction({
  key: 'find_estimate',
  noun: 'Estimate',
  label: 'Find Estimate',
  description: 'Finds an estimate by its name, optionally for one contact.',
  endpoint: invoicesApi.listEstimates,
  fields: [
    {
      key: 'name',
      label: 'Estimate Name',
      helpText:
        'The estimate\'s name, e.g. "Bathroom remodel – Delgado". Case does not matter; an exact name wins over names containing it.',
      schema: v.text(200),
      required: true,
    },
    { ...relabel(contactIdField, 'Contact', "Only the contact's estimates."), required: false },
  ],
  perform: async (input, ctx) => {
    const alt = await altOf(ctx);
    const found = await collectPages(
      0,
      async (offset: number) => {
        const query = { ...alt, search: input.name, contactId: input.contactId, limit: String(ESTIMATE_PAGE), offset: String(offset) };
        const items = records((await ctx.call(invoicesApi.listEstimates, { query }))?.estimates);
        return { items, next: items.length < ESTIMATE_PAGE ? undefined : offset + ESTIMATE_PAGE };
      },
      4,
    );
    return matchByName(found.map(invoiceOf), input.name);
  },
  sample: estimateSample,
  sampleAnswer: { estimates: [estimateRecord], total: 1, traceId: estimateSample.traceId },
  outputFields: estimateOutputFields,
});
