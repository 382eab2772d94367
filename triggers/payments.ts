import { Endpoint } from '../src/api/endpoint';
import { allPayments, paymentsApi, pollPayments } from '../src/api/payments';
import { Item, OutputField } from '../src/factories/operation';
import { pollingTrigger } from '../src/factories/trigger';
import {
  orderOutputFields,
  orderSample,
  subscriptionOutputFields,
  subscriptionSample,
  transactionOutputFields,
  transactionSample,
} from '../src/fields/payment';

const record = ({ id: _id, ...rest }: Item) => rest;
const polled =
  ' HighLevel cannot sort these, so each check reads the last days by date, from where the previous check stopped (one request unless 100 or more arrived since).';

/** New Order / Transaction / Subscription: the payments lists read over the poll window, newest first in the app. */
function paymentsTrigger(def: {
  list: 'orders' | 'transactions' | 'subscriptions';
  key: string;
  noun: string;
  description: string;
  endpoint: Endpoint;
  sample: Item;
  outputFields: OutputField[];
}) {
  return pollingTrigger({
    key: def.key,
    noun: def.noun,
    label: `New ${def.noun}`,
    description: `${def.description}${polled}`,
    endpoint: def.endpoint,
    fields: [],
    perform: async (_input, ctx) => pollPayments(ctx, def.list, def.key),
    newestFirst: (r) => r.createdAt,
    resultKey: 'data',
    sample: def.sample,
    sampleAnswer: { data: [record(def.sample)], totalCount: 1 },
    outputFields: def.outputFields,
  });
}

export const newOrder = paymentsTrigger({
  list: 'orders',
  key: 'new_order',
  noun: 'Order',
  description: 'Triggers when an order is placed (funnels, store, payment links, invoices).',
  endpoint: paymentsApi.listOrders,
  sample: orderSample,
  outputFields: orderOutputFields,
});

export const newTransaction = paymentsTrigger({
  list: 'transactions',
  key: 'new_transaction',
  noun: 'Transaction',
  description: 'Triggers when a payment is taken (a charge of an order, invoice or subscription).',
  endpoint: paymentsApi.listTransactions,
  sample: transactionSample,
  outputFields: transactionOutputFields,
});

export const newSubscription = paymentsTrigger({
  list: 'subscriptions',
  key: 'new_subscription',
  noun: 'Subscription',
  description: 'Triggers when a customer starts a subscription (a recurring price).',
  endpoint: paymentsApi.listSubscriptions,
  sample: subscriptionSample,
  outputFields: subscriptionOutputFields,
});

/** Orders for the order dropdown: the last 30 days (the list cannot sort), latest first. */
export const orderDropdown = pollingTrigger({
  key: 'order_list',
  noun: 'Order',
  label: 'List Orders',
  description: 'Lists the orders of the last 30 days for dropdowns, latest first.',
  hidden: true,
  endpoint: paymentsApi.listOrders,
  fields: [],
  perform: async (_input, ctx) => {
    if (ctx.page > 0) return [];
    const startAt = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const orders = await allPayments(
      ctx,
      'orders',
      { startAt, endAt: new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10) },
      { maxPages: 2 },
    );
    return orders.map((o) => ({
      ...o,
      name: [
        o.contactName,
        typeof o.amount === 'number' ? `${o.amount} ${o.currency ?? ''}`.trim() : '',
        o.status,
        String(o.createdAt ?? '').slice(0, 10),
      ]
        .filter(Boolean)
        .join(' · '),
    }));
  },
  newestFirst: (o) => o.createdAt,
  resultKey: 'data',
  sample: { id: orderSample.id, name: 'Rosa Delgado · 240 USD · completed · 2026-03-09' },
  sampleAnswer: { data: [record(orderSample)], totalCount: 1 },
  zapier: { canPaginate: true },
});
