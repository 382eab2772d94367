import { contactsApi } from '../src/api/contacts';
import { altOf, contactDetailsOf, discountOf, invoicesApi, invoiceOf, lineItemsOf, today } from '../src/api/invoices';
import { createAction } from '../src/factories/create';
import { Context, Input, Item } from '../src/factories/operation';
import { FieldDef, relabel } from '../src/fields/field';
import {
  billingFields,
  dueDateField,
  estimateIdField,
  estimateOutputFields,
  estimateSample,
  invoiceIdField,
  invoiceOutputFields,
  invoiceSample,
  paymentFields,
  senderField,
  sendActionField,
} from '../src/fields/invoice';
import * as v from '../src/fields/values';

const { id: _id, ...invoiceRecord } = invoiceSample;
const { id: _estimateId, ...estimateRecord } = estimateSample;
const liveModeOf = (input: Input) => input.liveMode ?? true;

/** What an invoice, a text2pay invoice and an estimate share: the location, the contact's details, items, dates. */
async function billingBody(input: Input, ctx: Context): Promise<{ body: Item; contactRead: boolean }> {
  const { details: contactDetails, read } = await contactDetailsOf(ctx, input.contactId);
  const body = {
    ...(await altOf(ctx)),
    name: input.name,
    ...(input.title ? { title: input.title } : {}),
    currency: input.currency,
    items: lineItemsOf(input.items, input.currency),
    discount: discountOf(input),
    contactDetails,
    // HighLevel fills the business details from the location's invoice settings; the DTO requires the object.
    businessDetails: {},
    issueDate: input.issueDate ?? today(),
    ...(input.termsNotes ? { termsNotes: input.termsNotes } : {}),
    sentTo: {
      email: contactDetails.email ? [contactDetails.email] : [],
      ...(contactDetails.phoneNo ? { phoneNo: [contactDetails.phoneNo] } : {}),
    },
    liveMode: liveModeOf(input),
  };
  return { body, contactRead: read };
}

function checkDates(ctx: Context, label: string, input: Input, laterKey: string, laterLabel: string) {
  const issued = input.issueDate ?? today();
  if (input[laterKey] && input[laterKey] < issued) {
    throw new ctx.z.errors.Error(`${label}: ${laterLabel} (${laterKey}) is before the Issue Date (${issued}).`, 'InvalidInput', 400);
  }
}

/**
 * What an invoice or estimate write compares with HighLevel's answer (src/unsaved.ts): the values the user typed.
 * The contact's details and the line items are composed by the step from HighLevel's own records, and dates come
 * back as instants, so neither is compared.
 */
const DOCUMENT_UNSAVED = { name: 'text', currency: 'text', title: 'text' } as const;

export const createInvoice = createAction({
  key: 'create_invoice',
  noun: 'Invoice',
  label: 'Create Invoice',
  description: 'Creates a draft invoice for a contact, with line items, currency and due date. Send it with Send Invoice.',
  endpoint: invoicesApi.createInvoice,
  alsoCalls: [contactsApi.getContact],
  fields: [...billingFields, dueDateField],
  unsaved: DOCUMENT_UNSAVED,
  perform: async (input, ctx) => {
    checkDates(ctx, 'Create Invoice', input, 'dueDate', 'Due Date');
    const body = { ...(await billingBody(input, ctx)).body, ...(input.dueDate ? { dueDate: input.dueDate } : {}) };
    return invoiceOf(await ctx.call(invoicesApi.createInvoice, { body }));
  },
  sample: invoiceSample,
  sampleAnswer: invoiceRecord,
  outputFields: invoiceOutputFields,
});

export const createAndSendInvoice = createAction({
  key: 'create_and_send_invoice',
  noun: 'Invoice',
  label: 'Create and Send Invoice',
  description: "Creates an invoice and sends it at once with its payment link (HighLevel's Text2Pay), by text message and email.",
  endpoint: invoicesApi.text2pay,
  alsoCalls: [contactsApi.getContact],
  fields: [...billingFields, dueDateField, senderField],
  unsaved: DOCUMENT_UNSAVED,
  perform: async (input, ctx) => {
    checkDates(ctx, 'Create and Send Invoice', input, 'dueDate', 'Due Date');
    const { body: base, contactRead } = await billingBody(input, ctx);
    if (contactRead && !base.contactDetails.email && !base.contactDetails.phoneNo) {
      throw new ctx.z.errors.Error(
        'Create and Send Invoice: the contact has no email address or phone number to send the invoice to. Add one to the contact first.',
        'InvalidInput',
        400,
      );
    }
    const body = { ...base, ...(input.dueDate ? { dueDate: input.dueDate } : {}), action: 'send', userId: input.userId };
    const data = await ctx.call(invoicesApi.text2pay, { body });
    return { ...invoiceOf(data), ...(data?.invoiceUrl ? { invoiceUrl: data.invoiceUrl } : {}) };
  },
  sample: { ...invoiceSample, invoiceUrl: 'https://link.example.com/invoice/6578278e879ad2646715ba9c' },
  sampleAnswer: { invoice: invoiceRecord, invoiceUrl: 'https://link.example.com/invoice/6578278e879ad2646715ba9c' },
  outputFields: [...invoiceOutputFields, { key: 'invoiceUrl', label: 'Payment Link' }],
});

const liveModeField = billingFields.find((f) => f.key === 'liveMode')!;

export const sendInvoice = createAction({
  key: 'send_invoice',
  noun: 'Invoice',
  label: 'Send Invoice',
  description: 'Sends an invoice to its contact with its payment link, by email, text message or both.',
  endpoint: invoicesApi.sendInvoice,
  fields: [invoiceIdField, sendActionField, senderField, liveModeField],
  perform: async (input, ctx) => {
    const body = { ...(await altOf(ctx)), userId: input.userId, action: input.action, liveMode: liveModeOf(input) };
    return invoiceOf(await ctx.call(invoicesApi.sendInvoice, { path: { invoiceId: input.invoiceId }, body }));
  },
  sample: invoiceSample,
  sampleAnswer: { invoice: invoiceRecord, smsData: {}, emailData: {} },
  outputFields: invoiceOutputFields,
});

export const voidInvoice = createAction({
  key: 'void_invoice',
  noun: 'Invoice',
  label: 'Void Invoice',
  description: 'Voids an invoice: it stays on record but can no longer be paid.',
  endpoint: invoicesApi.voidInvoice,
  fields: [invoiceIdField],
  perform: async (input, ctx) =>
    invoiceOf(await ctx.call(invoicesApi.voidInvoice, { path: { invoiceId: input.invoiceId }, body: await altOf(ctx) })),
  sample: { ...invoiceSample, status: 'void' },
  sampleAnswer: { ...invoiceRecord, status: 'void' },
  outputFields: invoiceOutputFields,
});

export const recordInvoicePayment = createAction({
  key: 'record_invoice_payment',
  noun: 'Invoice Payment',
  label: 'Record Manual Payment',
  description: 'Records a payment made outside HighLevel (cash, card terminal, cheque, bank transfer) against an invoice.',
  endpoint: invoicesApi.recordPayment,
  fields: [invoiceIdField, ...paymentFields],
  perform: async (input, ctx) => {
    if (input.mode === 'card' && !(input.cardBrand && input.cardLast4)) {
      throw new ctx.z.errors.Error(
        'Record Manual Payment: a card payment needs Card Brand (cardBrand) and Card Last 4 Digits (cardLast4).',
        'InvalidInput',
        400,
      );
    }
    if (input.mode === 'cheque' && !input.chequeNumber) {
      throw new ctx.z.errors.Error('Record Manual Payment: a cheque payment needs Cheque Number (chequeNumber).', 'InvalidInput', 400);
    }
    // RecordPaymentDto requires card, cheque and notes whatever the method: the ones that do not apply go empty.
    const body = {
      ...(await altOf(ctx)),
      mode: input.mode,
      card: { brand: input.cardBrand ?? '', last4: input.cardLast4 ?? '' },
      cheque: { number: input.chequeNumber ?? '' },
      notes: input.notes ?? '',
      ...(input.amount !== undefined ? { amount: input.amount } : {}),
      ...(input.fulfilledAt ? { fulfilledAt: input.fulfilledAt } : {}),
    };
    return invoiceOf(await ctx.call(invoicesApi.recordPayment, { path: { invoiceId: input.invoiceId }, body }));
  },
  sample: { ...invoiceSample, status: 'paid', amountPaid: 1200, amountDue: 0 },
  sampleAnswer: { success: true, invoice: { ...invoiceRecord, status: 'paid', amountPaid: 1200, amountDue: 0 } },
  outputFields: invoiceOutputFields,
});

// ---------------------------------------------------------------------------------------------------------
// Estimates

const expiryDateField: FieldDef = {
  key: 'expiryDate',
  label: 'Expiry Date',
  helpText: 'The last day the estimate can be accepted, e.g. 2026-04-09.',
  schema: v.date(),
  type: 'datetime',
};

export const createEstimate = createAction({
  key: 'create_estimate',
  noun: 'Estimate',
  label: 'Create Estimate',
  description: 'Creates a draft estimate (quote) for a contact, with line items. Send it with Send Estimate.',
  endpoint: invoicesApi.createEstimate,
  alsoCalls: [contactsApi.getContact],
  fields: [
    ...billingFields.map((f) =>
      f.key === 'title' ? relabel(f, 'Title', 'The heading printed on the estimate, e.g. ESTIMATE or QUOTE.') : f,
    ),
    expiryDateField,
  ],
  unsaved: DOCUMENT_UNSAVED,
  perform: async (input, ctx) => {
    checkDates(ctx, 'Create Estimate', input, 'expiryDate', 'Expiry Date');
    const body = {
      ...(await billingBody(input, ctx)).body,
      ...(input.expiryDate ? { expiryDate: input.expiryDate } : {}),
      // A one-off estimate: CreateEstimatesDto requires the recurring-schedule settings.
      frequencySettings: { enabled: false, schedule: {} },
    };
    return invoiceOf(await ctx.call(invoicesApi.createEstimate, { body }));
  },
  sample: estimateSample,
  sampleAnswer: estimateRecord,
  outputFields: estimateOutputFields,
});

export const sendEstimate = createAction({
  key: 'send_estimate',
  noun: 'Estimate',
  label: 'Send Estimate',
  description: 'Sends an estimate to its contact to accept online, by email, text message or both.',
  endpoint: invoicesApi.sendEstimate,
  fields: [estimateIdField, sendActionField, senderField, liveModeField],
  perform: async (input, ctx) => {
    const body = { ...(await altOf(ctx)), userId: input.userId, action: input.action, liveMode: liveModeOf(input) };
    return invoiceOf(await ctx.call(invoicesApi.sendEstimate, { path: { estimateId: input.estimateId }, body }));
  },
  sample: { ...estimateSample, estimateStatus: 'sent' },
  sampleAnswer: { ...estimateRecord, estimateStatus: 'sent' },
  outputFields: estimateOutputFields,
});

export const createInvoiceFromEstimate = createAction({
  key: 'create_invoice_from_estimate',
  noun: 'Invoice',
  label: 'Create Invoice From Estimate',
  description: 'Turns an accepted estimate into an invoice with the same contact and line items.',
  endpoint: invoicesApi.invoiceFromEstimate,
  fields: [
    estimateIdField,
    {
      key: 'markAsInvoiced',
      label: 'Mark Estimate as Invoiced',
      helpText: 'Yes (default): the estimate shows as invoiced, so it is not invoiced twice.',
      schema: v.bool(),
      type: 'boolean',
      default: 'true',
    },
  ],
  perform: async (input, ctx) => {
    const body = { ...(await altOf(ctx)), markAsInvoiced: input.markAsInvoiced ?? true };
    const data = await ctx.call(invoicesApi.invoiceFromEstimate, { path: { estimateId: input.estimateId }, body });
    return { ...invoiceOf(data?.invoice ?? {}), estimateId: data?.estimate?._id ?? input.estimateId };
  },
  sample: { ...invoiceSample, estimateId: estimateSample.id },
  sampleAnswer: { estimate: { ...estimateRecord, estimateStatus: 'invoiced' }, invoice: invoiceRecord },
  outputFields: [...invoiceOutputFields, { key: 'estimateId', label: 'Estimate ID' }],
});
