import { altOf, invoicesApi, invoiceOf, listInvoices } from '../src/api/invoices';
import { searchAction } from '../src/factories/search';
import { relabel } from '../src/fields/field';
import { contactIdField } from '../src/fields/common';
import { invoiceOutputFields, invoiceSample } from '../src/fields/invoice';
import * as v from '../src/fields/values';

const { id: _id, ...invoiceRecord } = invoiceSample;
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
