import { allPayments, paymentAlt, paymentsApi } from '../src/api/payments';
import { Item } from '../src/factories/operation';
import { searchAction } from '../src/factories/search';
import { contactIdField } from '../src/fields/common';
import { relabel } from '../src/fields/field';
import { orderDetailSample, orderOutputFields, transactionOutputFields, transactionSample } from '../src/fields/payment';
import * as v from '../src/fields/values';

const record = ({ id: _id, ...rest }: Item) => rest;
const newestFirst = (items: Item[]) => items.sort((a, b) => String(b.createdAt ?? '').localeCompare(String(a.createdAt ?? '')));
const contactFilter = { ...relabel(contactIdField, 'Contact', "Only this contact's records."), required: false };
const searchText = (what: string) => ({
  key: 'search',
  label: 'Search Text',
  helpText: `Text HighLevel matches against the ${what} (e.g. the customer's name or email).`,
  schema: v.text(200),
});

/**
 * An order read by ID (GetOrderResponseSchema) in the shape the order list gives (OrderResponseSchema), so Find Order
 * outputs the same keys either way: the contact's name and email from `contactSnapshot` (HighLevel's copy of the
 * contact, snake_case keys per the spec's example; replaced by these two), the source's type, name and id from `source`.
 */
export function flatOrder(order: Item): Item {
  const { contactSnapshot, ...rest } = order;
  const snap = (contactSnapshot && typeof contactSnapshot === 'object' ? contactSnapshot : {}) as Item;
  const name = [snap.first_name ?? snap.firstName, snap.last_name ?? snap.lastName]
    .filter((x) => typeof x === 'string' && x.trim())
    .join(' ');
  const source = (order.source && typeof order.source === 'object' ? order.source : {}) as Item;
  const extra: Item = {
    contactName: order.contactName ?? (name || snap.name),
    contactEmail: order.contactEmail ?? snap.email,
    sourceType: order.sourceType ?? source.type,
    sourceName: order.sourceName ?? source.name,
    sourceId: order.sourceId ?? source.id,
  };
  return { ...rest, ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined && v !== null && v !== '')) };
}

const orderAnswer = {
  ...record(orderDetailSample),
  contactSnapshot: { first_name: 'Rosa', last_name: 'Delgado', email: 'rosa.delgado@example.com', type: 'customer' },
};

/** Find Order: by ID (`GET /payments/orders/{orderId}`), else the latest matching HighLevel's search or a contact. */
export const findOrder = searchAction({
  key: 'find_order',
  noun: 'Order',
  label: 'Find Order',
  description: "Finds an order by ID, or a contact's latest order, or the latest matching a text.",
  endpoint: paymentsApi.getOrder,
  alsoCalls: [paymentsApi.listOrders],
  fields: [
    { key: 'orderId', label: 'Order ID', helpText: 'Find the order with exactly this ID.', schema: v.id() },
    contactFilter,
    searchText('order'),
  ],
  perform: async (input, ctx) => {
    if (input.orderId) {
      const { altId } = await paymentAlt(ctx, 'orders');
      const data = await ctx.call(paymentsApi.getOrder, { path: { orderId: input.orderId }, query: { altId } }, { notFoundAsNull: true });
      return data && (data._id || data.id) ? [flatOrder(data)] : [];
    }
    if (!input.contactId && !input.search)
      throw new ctx.z.errors.Error('Find Order: fill in Order ID, Contact or Search Text.', 'InvalidInput', 400);
    return newestFirst(await allPayments(ctx, 'orders', { contactId: input.contactId, search: input.search }, { maxPages: 5 }));
  },
  sample: flatOrder({ ...orderDetailSample, contactSnapshot: orderAnswer.contactSnapshot }),
  sampleAnswer: orderAnswer,
  outputFields: orderOutputFields,
});

/** Find Transaction: by ID, else the latest of a contact, an order or a subscription, or matching HighLevel's search. */
export const findTransaction = searchAction({
  key: 'find_transaction',
  noun: 'Transaction',
  label: 'Find Transaction',
  description: "Finds a payment by ID, or a contact's (or an order's) latest payment.",
  endpoint: paymentsApi.getTransaction,
  alsoCalls: [paymentsApi.listTransactions],
  fields: [
    { key: 'transactionId', label: 'Transaction ID', helpText: 'Find the transaction with exactly this ID.', schema: v.id() },
    contactFilter,
    { key: 'entityId', label: 'Order or Invoice ID', helpText: 'Only payments of this order or invoice (its ID).', schema: v.id() },
    searchText('transaction'),
  ],
  perform: async (input, ctx) => {
    if (input.transactionId) {
      const alt = await paymentAlt(ctx, 'transactions');
      const data = await ctx.call(
        paymentsApi.getTransaction,
        { path: { transactionId: input.transactionId }, query: alt },
        { notFoundAsNull: true },
      );
      return data && (data._id || data.id) ? [data] : [];
    }
    if (!input.contactId && !input.entityId && !input.search) {
      throw new ctx.z.errors.Error(
        'Find Transaction: fill in Transaction ID, Contact, Order or Invoice ID, or Search Text.',
        'InvalidInput',
        400,
      );
    }
    return newestFirst(
      await allPayments(
        ctx,
        'transactions',
        { contactId: input.contactId, entityId: input.entityId, search: input.search },
        { maxPages: 5 },
      ),
    );
  },
  sample: transactionSample,
  sampleAnswer: record(transactionSample),
  outputFields: transactionOutputFields,
});
