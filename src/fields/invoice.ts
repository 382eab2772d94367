import { OutputField } from '../factories/operation';
import { contactIdField } from './common';
import { FieldDef } from './field';
import { cardLast4Field, chequeNumberField, paymentModeField } from './payment';
import * as v from './values';

export const invoiceIdField: FieldDef = {
  key: 'invoiceId',
  label: 'Invoice',
  helpText: 'The HighLevel invoice. Pick one (newest first), search by number or contact, or map an invoice ID.',
  schema: v.id(),
  required: true,
  dynamic: 'invoice_list.id.name',
  search: 'find_invoice.id',
};

export const estimateIdField: FieldDef = {
  key: 'estimateId',
  label: 'Estimate',
  helpText: 'The HighLevel estimate. Pick one (newest first) or map an estimate ID.',
  schema: v.id(),
  required: true,
  dynamic: 'estimate_list.id.name',
};

const currency = v.narrow(v.text(3), (s) =>
  s.regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code, e.g. USD').transform((c) => c.toUpperCase()),
);

/** Line-item child key → InvoiceItemDto key (children's keys must not repeat the action's other keys, e.g. `name`). */
const CHILD_KEYS: Record<string, string> = {
  itemName: 'name',
  itemDescription: 'description',
  itemAmount: 'amount',
  itemQty: 'qty',
  itemProductId: 'productId',
};

/** One line item: what Zapier's line-item group sends (strings), as InvoiceItemDto wants it (numbers). */
const lineItemSchema = v.lazy((z) =>
  z.preprocess(
    (value) => {
      // A single item mapped without the line-item group arrives as an object.
      const list = Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : value;
      if (!Array.isArray(list)) return list;
      return list
        .map((item) =>
          item && typeof item === 'object' && !Array.isArray(item)
            ? Object.fromEntries(
                Object.entries(item)
                  .filter(([, x]) => x !== '' && x !== null && x !== undefined)
                  // The children's keys (unique in the action, as Zapier requires) become InvoiceItemDto's.
                  .map(([k, x]) => [CHILD_KEYS[k] ?? k, x]),
              )
            : item,
        )
        .filter((item) => !(item && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length === 0));
    },
    z
      .array(
        z.object(
          {
            name: v.text(200)(),
            description: v.text(2000)().optional(),
            amount: v.number()().pipe(z.number().min(0, 'must not be negative')),
            qty: v.number()().pipe(z.number().positive('must be more than 0')).optional(),
            productId: v.id()().optional(),
            priceId: v.id()().optional(),
          },
          { error: 'each line item must have a Name and a Unit Price' },
        ),
        { error: 'must be a list of line items' },
      )
      .min(1, 'must have at least one line item')
      .max(200, 'must have at most 200 line items'),
  ),
);

/**
 * Zapier line items (`children`): a repeating group of name, description, unit price and quantity, so a zap can
 * map the items of an order from an earlier step (one invoice line per item).
 */
export const lineItemsField = {
  key: 'items',
  label: 'Line Items',
  helpText:
    'What the invoice charges for: one line per item, with its name, unit price and quantity. Map the line items of an earlier step to add one line each.',
  schema: lineItemSchema,
  required: true,
  children: [
    { key: 'itemName', label: 'Item Name', helpText: 'What the line charges for, e.g. "Water heater install".', required: true },
    { key: 'itemDescription', label: 'Item Description', helpText: 'More detail shown under the item name.' },
    {
      key: 'itemAmount',
      label: 'Unit Price',
      helpText: 'The price of one unit in the invoice currency, e.g. 120.50.',
      type: 'number',
      required: true,
    },
    { key: 'itemQty', label: 'Quantity', helpText: 'How many units (default 1).', type: 'number' },
    {
      key: 'itemProductId',
      label: 'Product ID',
      helpText: 'The HighLevel product this line sells, if any (from Find Product or New Product).',
    },
  ],
} as FieldDef;

/** What an invoice, a text2pay invoice and an estimate are created from. */
export const billingFields: FieldDef[] = [
  {
    ...contactIdField,
    helpText: 'The contact who is billed. Their name, email, phone and address are copied onto the document from their HighLevel record.',
  },
  {
    key: 'name',
    label: 'Name',
    helpText: 'An internal name for the document, e.g. "Water heater install – Delgado".',
    schema: v.text(200),
    required: true,
  },
  {
    key: 'currency',
    label: 'Currency',
    helpText: 'Three-letter currency code, e.g. USD, EUR or GBP.',
    schema: currency,
    required: true,
    default: 'USD',
  },
  lineItemsField,
  { key: 'title', label: 'Title', helpText: 'The heading printed on the document, e.g. INVOICE or ESTIMATE.', schema: v.text(100) },
  {
    key: 'issueDate',
    label: 'Issue Date',
    helpText: 'The date the document is issued, e.g. 2026-03-10. Default: today.',
    schema: v.date(),
    type: 'datetime',
  },
  {
    key: 'termsNotes',
    label: 'Terms and Notes',
    helpText: 'Payment terms or a note printed on the document.',
    schema: v.text(5000),
    type: 'text',
  },
  {
    key: 'discountType',
    label: 'Discount Type',
    helpText: 'Whether the discount is a percentage of the total or a fixed amount. Only used with a Discount.',
    schema: v.oneOf(['percentage', 'fixed']),
    choices: { percentage: 'Percentage', fixed: 'Fixed amount' },
  },
  {
    key: 'discountValue',
    label: 'Discount',
    helpText: 'The discount: a percentage (e.g. 10) or an amount, per Discount Type.',
    schema: v.number(),
    type: 'number',
  },
  {
    key: 'liveMode',
    label: 'Live Payments',
    helpText:
      'Yes (default): the contact pays with real payments. No: test mode, for trying out a zap with your payment provider in test mode.',
    schema: v.bool(),
    type: 'boolean',
    default: 'true',
  },
];

export const dueDateField: FieldDef = {
  key: 'dueDate',
  label: 'Due Date',
  helpText: 'The date payment is due, e.g. 2026-03-31.',
  schema: v.date(),
  type: 'datetime',
};

export const sendActionField: FieldDef = {
  key: 'action',
  label: 'Send By',
  helpText: 'How HighLevel delivers it: by email, by text message (SMS), by both, or not at all (mark as sent, you share the link).',
  schema: v.oneOf(['email', 'sms', 'sms_and_email', 'send_manually']),
  choices: {
    email: 'Email',
    sms: 'Text message (SMS)',
    sms_and_email: 'Email and text message',
    send_manually: 'Mark as sent (share the link yourself)',
  },
  required: true,
  default: 'email',
};

export const senderField: FieldDef = {
  key: 'userId',
  label: 'Sent By (User)',
  helpText: 'The HighLevel user the document is sent on behalf of.',
  schema: v.id(),
  required: true,
  dynamic: 'user_list.id.name',
};

export const paymentFields: FieldDef[] = [
  paymentModeField('contact'),
  {
    key: 'amount',
    label: 'Amount',
    helpText: 'The amount paid, in the invoice currency. Default: the amount still due.',
    schema: v.number(),
    type: 'number',
  },
  { key: 'notes', label: 'Notes', helpText: 'A note recorded with the payment, e.g. "Paid at the counter".', schema: v.text(1000) },
  { key: 'cardBrand', label: 'Card Brand', helpText: 'For a card payment: the card brand, e.g. Visa.', schema: v.text(50) },
  cardLast4Field,
  chequeNumberField,
  { key: 'fulfilledAt', label: 'Paid At', helpText: 'When it was paid, e.g. 2026-03-10T15:00:00Z. Default: now.', schema: v.dateTime() },
];

// ---------------------------------------------------------------------------------------------------------
// Samples (DefaultInvoiceResponseDto / GetInvoiceResponseDto; EstimateResponseDto)

const item = {
  _id: '67ac9a51106ee8311e9110a1',
  name: 'Water heater install',
  description: '50-gallon tank, haul-away included',
  currency: 'USD',
  amount: 1200,
  qty: 1,
  taxes: [],
  type: 'one_time',
};

const contactDetails = {
  id: 'seD4PfOuKoVMLkEZqohJ',
  name: 'Rosa Delgado',
  email: 'rosa.delgado@example.com',
  phoneNo: '+15550100199',
  address: { addressLine1: '3535 1st St N', city: 'Dolomite', state: 'AL', postalCode: '35061', countryCode: 'US' },
};

/** An invoice as HighLevel answers it; `id` repeats `_id` for Zapier. */
export const invoiceSample = {
  id: '6578278e879ad2646715ba9c',
  _id: '6578278e879ad2646715ba9c',
  status: 'sent',
  liveMode: true,
  amountPaid: 0,
  altId: 've9EPM428h8vShlRW1KT',
  altType: 'location',
  name: 'Water heater install – Delgado',
  title: 'INVOICE',
  businessDetails: { name: 'Delgado Plumbing', phoneNo: '+15550100100', website: 'delgado-plumbing.example.com' },
  invoiceNumber: 1019,
  currency: 'USD',
  contactDetails,
  issueDate: '2026-03-10',
  dueDate: '2026-03-31',
  discount: { type: 'percentage', value: 0 },
  invoiceItems: [item],
  total: 1200,
  amountDue: 1200,
  totalSummary: { subTotal: 1200, discount: 0, tax: 0 },
  createdAt: '2026-03-10T09:27:42.355Z',
  updatedAt: '2026-03-10T09:30:02.118Z',
};

export const invoiceOutputFields: OutputField[] = [
  { key: 'id', label: 'Invoice ID' },
  { key: 'invoiceNumber', label: 'Invoice Number' },
  { key: 'name', label: 'Name' },
  { key: 'title', label: 'Title' },
  { key: 'status', label: 'Status' },
  { key: 'currency', label: 'Currency' },
  { key: 'total', label: 'Total', type: 'number' },
  { key: 'amountPaid', label: 'Amount Paid', type: 'number' },
  { key: 'amountDue', label: 'Amount Due', type: 'number' },
  { key: 'issueDate', label: 'Issue Date' },
  { key: 'dueDate', label: 'Due Date' },
  { key: 'liveMode', label: 'Live Payments', type: 'boolean' },
  { key: 'contactDetails__id', label: 'Contact ID' },
  { key: 'contactDetails__name', label: 'Contact Name' },
  { key: 'contactDetails__email', label: 'Contact Email' },
  { key: 'contactDetails__phoneNo', label: 'Contact Phone' },
  { key: 'invoiceItems[]name', label: 'Line Item Name' },
  { key: 'invoiceItems[]amount', label: 'Line Item Unit Price', type: 'number' },
  { key: 'invoiceItems[]qty', label: 'Line Item Quantity', type: 'number' },
  { key: 'createdAt', label: 'Created At', type: 'datetime' },
  { key: 'updatedAt', label: 'Updated At', type: 'datetime' },
];

/** An estimate as HighLevel answers it (EstimateResponseDto, all its required keys); `id` repeats `_id`. */
export const estimateSample = {
  id: '67ac9a51106ee8311e9110e5',
  _id: '67ac9a51106ee8311e9110e5',
  altId: 've9EPM428h8vShlRW1KT',
  altType: 'location',
  companyId: 'cmp_8XyQ1z',
  liveMode: true,
  deleted: false,
  name: 'Bathroom remodel – Delgado',
  title: 'ESTIMATE',
  estimateStatus: 'draft',
  currency: 'USD',
  businessDetails: { name: 'Delgado Plumbing' },
  contactDetails,
  items: [{ ...item, _id: '67ac9a51106ee8311e9110e6', name: 'Bathroom remodel', amount: 8400 }],
  discount: { type: 'percentage', value: 0 },
  total: 8400,
  issueDate: '2026-03-10T00:00:00.000Z',
  expiryDate: '2026-04-09T00:00:00.000Z',
  automaticTaxesEnabled: false,
  automaticTaxesCalculated: false,
  meta: {},
  estimateActionHistory: [],
  sentTo: { email: ['rosa.delgado@example.com'] },
  frequencySettings: { enabled: false, schedule: {} },
  lastVisitedAt: '2026-03-10T09:27:42.355Z',
  totalamountInUSD: 8400,
  traceId: '5b1a7d2e-9c1f-4a8e-b1d3-0f6c2e9a7b44',
  __v: 0,
  createdAt: '2026-03-10T09:27:42.355Z',
  updatedAt: '2026-03-10T09:27:42.355Z',
};

export const estimateOutputFields: OutputField[] = [
  { key: 'id', label: 'Estimate ID' },
  { key: 'name', label: 'Name' },
  { key: 'title', label: 'Title' },
  { key: 'estimateStatus', label: 'Status' },
  { key: 'currency', label: 'Currency' },
  { key: 'total', label: 'Total', type: 'number' },
  { key: 'issueDate', label: 'Issue Date' },
  { key: 'expiryDate', label: 'Expiry Date' },
  { key: 'contactDetails__id', label: 'Contact ID' },
  { key: 'contactDetails__name', label: 'Contact Name' },
  { key: 'contactDetails__email', label: 'Contact Email' },
  { key: 'items[]name', label: 'Line Item Name' },
  { key: 'items[]amount', label: 'Line Item Unit Price', type: 'number' },
  { key: 'createdAt', label: 'Created At', type: 'datetime' },
];
