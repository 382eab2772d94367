import { connectionFor } from '../connection';
import type { Context, Input, Item } from '../factories/operation';
import { contactsApi } from './contacts';
import { endpoint } from './endpoint';

// Invoices and estimates (invoices.json). Every call names the location as `altId` with `altType: location`
// (in the query for reads, in the body for writes), not as `locationId`.
const read = 'invoices.readonly';
const write = 'invoices.write';

export const invoicesApi = {
  listInvoices: endpoint('invoices.json', 'GET /invoices/', { operationId: 'list-invoices', scope: read }),
  getInvoice: endpoint('invoices.json', 'GET /invoices/{invoiceId}', { operationId: 'get-invoice', scope: read }),
  createInvoice: endpoint('invoices.json', 'POST /invoices/', { operationId: 'create-invoice', scope: write }),
  sendInvoice: endpoint('invoices.json', 'POST /invoices/{invoiceId}/send', { operationId: 'send-invoice', scope: write }),
  voidInvoice: endpoint('invoices.json', 'POST /invoices/{invoiceId}/void', { operationId: 'void-invoice', scope: write }),
  recordPayment: endpoint('invoices.json', 'POST /invoices/{invoiceId}/record-payment', { operationId: 'record-invoice', scope: write }),
  text2pay: endpoint('invoices.json', 'POST /invoices/text2pay', { operationId: 'text2pay-invoice', scope: write }),
  listEstimates: endpoint('invoices.json', 'GET /invoices/estimate/list', {
    operationId: 'list-estimates',
    scope: 'invoices/estimate.readonly',
  }),
  createEstimate: endpoint('invoices.json', 'POST /invoices/estimate', {
    operationId: 'create-new-estimate',
    scope: 'invoices/estimate.write',
  }),
  sendEstimate: endpoint('invoices.json', 'POST /invoices/estimate/{estimateId}/send', {
    operationId: 'send-estimate',
    scope: 'invoices/estimate.write',
  }),
  invoiceFromEstimate: endpoint('invoices.json', 'POST /invoices/estimate/{estimateId}/invoice', {
    operationId: 'create-invoice-from-estimate',
    scope: 'invoices/estimate.write',
  }),
};

/** `{ altId: <the step's location>, altType: 'location' }`, as every invoices.json request names the location. */
export async function altOf(ctx: Context): Promise<{ altId: string; altType: 'location' }> {
  const { locationId } = await connectionFor(ctx.z, ctx.bundle);
  if (!locationId)
    throw new ctx.z.errors.Error(
      'This step needs a location: reconnect HighLevel to a sub-account, or pick a Location.',
      'InvalidInput',
      400,
    );
  return { altId: locationId, altType: 'location' };
}

/** Newest invoices first, one page (`GET /invoices/` sorts by issue date only; `limit`/`offset` are required strings). */
export async function listInvoices(ctx: Context, query: Record<string, string | undefined>, limit: number, offset = 0): Promise<Item[]> {
  const data = await ctx.call(invoicesApi.listInvoices, {
    query: { ...(await altOf(ctx)), limit: String(limit), offset: String(offset), sortField: 'issueDate', sortOrder: 'descend', ...query },
  });
  return ((data?.invoices ?? []) as Item[]).filter((i) => i && typeof i === 'object');
}

/**
 * The invoice's `contactDetails` (ContactDetailsDto: id, name, email and phoneNo required) from the contact's record,
 * read with GET /contacts/{contactId} (a contact that does not exist fails with HighLevel's 404). `read` is false when the
 * answer had no record (then only the id is known).
 */
export async function contactDetailsOf(ctx: Context, contactId: string): Promise<{ details: Item; read: boolean }> {
  // A contact that does not exist fails with HighLevel's 404 ("Contact not found").
  const data = await ctx.call(contactsApi.getContact, { path: { contactId } });
  // An answer without the record (not seen from HighLevel): the id alone, which HighLevel resolves to the contact.
  const read = !!data?.contact && typeof data.contact === 'object';
  const c: Item = read ? data.contact : { id: contactId };
  const name = c.name || [c.firstName, c.lastName].filter(Boolean).join(' ') || c.companyName || c.email || '';
  const address = Object.fromEntries(
    Object.entries({ addressLine1: c.address1, city: c.city, state: c.state, postalCode: c.postalCode, countryCode: c.country }).filter(
      ([, v]) => typeof v === 'string' && v,
    ),
  );
  const details = {
    id: c.id ?? contactId,
    name: String(name),
    email: typeof c.email === 'string' ? c.email : '',
    phoneNo: typeof c.phone === 'string' ? c.phone : '',
    ...(c.companyName ? { companyName: c.companyName } : {}),
    ...(Object.keys(address).length ? { address } : {}),
  };
  return { details, read };
}

/** A line item as the input gives it (src/fields/invoice.ts lineItemsField). */
export interface LineItemInput {
  name: string;
  description?: string;
  amount: number;
  qty?: number;
  productId?: string;
  priceId?: string;
}

/** InvoiceItemDto / EstimateLineItemDto: every item in the invoice's currency, one of each unless a quantity is given. */
export function lineItemsOf(items: LineItemInput[], currency: string): Item[] {
  return items.map((i) => ({ ...i, currency, qty: i.qty ?? 1 }));
}

/** DiscountDto (required by CreateInvoiceDto / CreateEstimatesDto): the input's discount, or none. */
export function discountOf(input: Input): Item {
  return input.discountValue !== undefined
    ? { type: input.discountType ?? 'percentage', value: input.discountValue }
    : { type: 'percentage', value: 0 };
}

/** Today as YYYY-MM-DD (UTC), HighLevel's default issue date. */
export const today = () => new Date().toISOString().slice(0, 10);

/** The record of an invoice answer: `invoice` in send/record-payment/text2pay answers, else the answer itself; `_id` also as `id`. */
export function invoiceOf(data: any): Item {
  const invoice = data && typeof data === 'object' && data.invoice && typeof data.invoice === 'object' ? data.invoice : (data ?? {});
  return { ...invoice, id: invoice._id ?? invoice.id };
}
