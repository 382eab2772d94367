import type { Context, Item } from '../factories/operation';
import { collectPages } from '../client';
import { pollDated } from '../polling';
import { pollWindow } from './forms';
import { altOf } from './invoices';
import { endpoint } from './endpoint';

// Orders, transactions and subscriptions (payments.json). The location travels as `altId` (orders take no
// `altType`; transactions and subscriptions need `altType: location`). None of the lists sorts, so the triggers read
// them with their date filters (`startAt`/`endAt`, YYYY-MM-DD), like the form submissions.
export const paymentsApi = {
  listOrders: endpoint('payments.json', 'GET /payments/orders', { operationId: 'list-orders', scope: 'payments/orders.readonly' }),
  getOrder: endpoint('payments.json', 'GET /payments/orders/{orderId}', {
    operationId: 'get-order-by-id',
    scope: 'payments/orders.readonly',
  }),
  recordOrderPayment: endpoint('payments.json', 'POST /payments/orders/{orderId}/record-payment', {
    operationId: 'record-order-payment',
    scope: 'payments/orders.collectPayment',
  }),
  createFulfillment: endpoint('payments.json', 'POST /payments/orders/{orderId}/fulfillments', {
    operationId: 'create-order-fulfillment',
    scope: 'payments/orders.write',
  }),
  listTransactions: endpoint('payments.json', 'GET /payments/transactions', {
    operationId: 'list-transactions',
    scope: 'payments/transactions.readonly',
  }),
  getTransaction: endpoint('payments.json', 'GET /payments/transactions/{transactionId}', {
    operationId: 'get-transaction-by-id',
    scope: 'payments/transactions.readonly',
  }),
  listSubscriptions: endpoint('payments.json', 'GET /payments/subscriptions', {
    operationId: 'list-subscriptions',
    scope: 'payments/subscriptions.readonly',
  }),
};

export type PaymentList = 'orders' | 'transactions' | 'subscriptions';

const LIST: Record<PaymentList, typeof paymentsApi.listOrders> = {
  orders: paymentsApi.listOrders,
  transactions: paymentsApi.listTransactions,
  subscriptions: paymentsApi.listSubscriptions,
};

export const PAYMENTS_PAGE = 100;

/** The location as these endpoints want it: `altId` (+ `altType` except for orders, whose spec has no such parameter). */
export async function paymentAlt(ctx: Context, list: PaymentList): Promise<Record<string, string>> {
  const { altId, altType } = await altOf(ctx);
  return list === 'orders' ? { altId } : { altId, altType };
}

/**
 * Every record of a list matching the filters, page by page (`offset`, `limit` 100) until a short page or
 * `totalCount` is reached, at most MAX_PAGES pages. `{ data, totalCount }` answers (ListOrdersResponseDto, …).
 */
export async function allPayments(
  ctx: Context,
  list: PaymentList,
  filters: Record<string, string | undefined>,
  { pageSize = PAYMENTS_PAGE, maxPages }: { pageSize?: number; maxPages?: number } = {},
): Promise<Item[]> {
  const alt = await paymentAlt(ctx, list);
  return collectPages(
    0,
    async (offset: number) => {
      const data = await ctx.call(LIST[list], { query: { ...alt, ...filters, limit: String(pageSize), offset: String(offset) } });
      const items = ((data?.data ?? []) as Item[]).filter((r) => r && typeof r === 'object');
      const total = typeof data?.totalCount === 'number' ? data.totalCount : undefined;
      const more = items.length >= pageSize && (total === undefined || offset + items.length < total);
      return { items, next: more ? offset + pageSize : undefined };
    },
    maxPages,
  );
}

/**
 * One poll of a payments list: the records of the poll window (see forms.ts pollWindow) that arrived since the
 * previous poll, through pollDated (src/polling.ts): HighLevel does not document the lists' order, so the first page
 * tells it; newest first reads down to the previous poll's newest record, oldest first continues at the offset where
 * the previous poll stopped. One request when fewer than a page arrived.
 */
export async function pollPayments(ctx: Context & { limit: number }, list: PaymentList, triggerKey: string): Promise<Item[]> {
  const sampling = Boolean((ctx.bundle.meta as { isLoadingSample?: boolean } | undefined)?.isLoadingSample);
  // Loading a sample in the editor: the latest 10 whatever their date, so a quiet account still shows a real one.
  if (sampling) return allPayments(ctx, list, {}, { pageSize: 10, maxPages: 1 });
  const alt = await paymentAlt(ctx, list);
  return pollDated(ctx.z, ctx.bundle, triggerKey, {
    pageSize: PAYMENTS_PAGE,
    key: (r) => (typeof r.createdAt === 'string' ? r.createdAt : undefined),
    id: (r) => String(r._id ?? r.id),
    anchor: (nowMs) => pollWindow(nowMs).startAt,
    fetchPage: async (skip, _cursor, startAt) => {
      const query = { ...alt, startAt, endAt: pollWindow(Date.now()).endAt, limit: String(PAYMENTS_PAGE), offset: String(skip) };
      const data = await ctx.call(LIST[list], { query });
      const items = ((data?.data ?? []) as Item[]).filter((r) => r && typeof r === 'object' && (r._id ?? r.id) != null);
      const total = typeof data?.totalCount === 'number' ? data.totalCount : undefined;
      return { items, total, more: items.length >= PAYMENTS_PAGE && (total === undefined || skip + items.length < total) };
    },
  });
}
