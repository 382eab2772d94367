import { newId, Rec, SandboxState } from '../state';
import { assertLocation, fail, ok, Route, RouteRequest, storeFor } from './route';

// Orders, transactions and subscriptions (payments.json), in this module's own store. Checkouts happen outside the
// API, so tests and the bench place orders with `placeOrder` (an order, its transaction, and for a recurring price a
// subscription). Seeded: one paid order from 5 days ago.

const DAY_MS = 24 * 60 * 60 * 1000;

const store = storeFor((state: SandboxState) => {
  const s = {
    orders: new Map<string, Rec>(),
    transactions: new Map<string, Rec>(),
    subscriptions: new Map<string, Rec>(),
    fulfillments: [] as Rec[],
  };
  const contact = state.contactsOf(state.locationId)[0];
  place(state, s, {
    contactId: contact?.id ?? newId(),
    contactName: contact ? `${contact.firstName} ${contact.lastName}` : 'Sam Rivera',
    amount: 120,
    at: new Date(Date.now() - 5 * DAY_MS).toISOString(),
  });
  return s;
});

type Store = ReturnType<typeof store>;

export interface OrderInput {
  contactId: string;
  contactName: string;
  amount: number;
  recurring?: boolean;
  paid?: boolean;
  at?: string;
}

function place(state: SandboxState, s: Store, o: OrderInput): Rec {
  const at = o.at ?? state.now();
  const alt = { altId: state.locationId, altType: 'location' };
  const priceId = newId(24).toLowerCase();
  const paid = o.paid ?? true;
  const order = {
    _id: newId(24).toLowerCase(),
    ...alt,
    contactId: o.contactId,
    contactName: o.contactName,
    currency: 'USD',
    amount: o.amount,
    subtotal: o.amount,
    discount: 0,
    status: paid ? 'completed' : 'pending',
    paymentStatus: paid ? 'paid' : 'unpaid',
    amountPaid: paid ? o.amount : 0,
    liveMode: true,
    totalProducts: 1,
    sourceType: 'funnel',
    sourceName: 'Sandbox Checkout',
    sourceId: newId(),
    fulfillmentStatus: 'unfulfilled',
    items: [
      {
        _id: newId(24).toLowerCase(),
        name: 'Drain Cleaning',
        qty: 1,
        price: { _id: priceId, name: 'One visit', amount: o.amount, currency: 'USD' },
        product: { name: 'Drain Cleaning', productType: 'PHYSICAL' },
      },
    ],
    createdAt: at,
    updatedAt: at,
  };
  s.orders.set(order._id, order);
  const common = {
    ...alt,
    contactId: o.contactId,
    contactName: o.contactName,
    currency: 'USD',
    amount: o.amount,
    liveMode: true,
    entityType: 'order',
    entityId: order._id,
    entitySourceType: 'funnel',
    paymentProviderType: 'stripe',
    createdAt: at,
    updatedAt: at,
  };
  if (paid) {
    const txn = {
      _id: newId(24).toLowerCase(),
      ...common,
      status: 'succeeded',
      chargeId: `ch_${newId()}`,
      amountRefunded: 0,
      fulfilledAt: at,
    };
    s.transactions.set(txn._id, txn);
  }
  if (o.recurring) {
    const sub = { _id: newId(24).toLowerCase(), ...common, status: 'active', subscriptionId: `sub_${newId()}` };
    s.subscriptions.set(sub._id, sub);
  }
  return order;
}

/** Places an order now (a checkout), with its transaction when paid and a subscription when recurring. */
export function placeOrder(state: SandboxState, order: OrderInput): Rec {
  return place(state, store(state), order);
}

const inWindow = (r: Rec, q: Record<string, string>) =>
  (!q.startAt || r.createdAt.slice(0, 10) >= q.startAt) && (!q.endAt || r.createdAt.slice(0, 10) <= q.endAt);
const matches = (r: Rec, q: Record<string, string>) =>
  (!q.contactId || r.contactId === q.contactId) &&
  (!q.entityId || r.entityId === q.entityId) &&
  (!q.search ||
    [r.contactName, r._id].some((v) =>
      String(v ?? '')
        .toLowerCase()
        .includes(q.search.toLowerCase()),
    ));

function assertAlt(req: RouteRequest, where: Rec, needsType: boolean) {
  if (needsType && where.altType !== 'location') fail(422, 'altType must be one of the following values: location');
  assertLocation(req, where.altId);
}

/** A list in the order records were stored (HighLevel's lists do not sort), `{ data, totalCount }`. */
function listRoute(path: string, pick: (s: Store) => Map<string, Rec>, needsType: boolean, shape: (r: Rec) => Rec): Route {
  return {
    method: 'GET',
    path,
    handle(req, state) {
      assertAlt(req, req.query, needsType);
      for (const name of ['startAt', 'endAt'])
        if (req.query[name] && !/^\d{4}-\d{2}-\d{2}$/.test(req.query[name])) fail(422, `${name} must be a date (YYYY-MM-DD)`);
      const all = [...pick(store(state)).values()].filter(
        (r) => r.altId === req.locationId && inWindow(r, req.query) && matches(r, req.query),
      );
      const offset = Number(req.query.offset) || 0;
      return ok({ data: all.slice(offset, offset + (Number(req.query.limit) || 10)).map(shape), totalCount: all.length });
    },
  };
}

const listedOrder = ({ items: _i, paymentStatus: _p, amountPaid: _a, ...o }: Rec) => o;

function orderOf(req: RouteRequest, state: SandboxState): Rec {
  const order = store(state).orders.get(req.params.orderId);
  if (!order || order.altId !== req.locationId) fail(404, 'Order not found');
  return order;
}

export const paymentRoutes: Route[] = [
  listRoute('/payments/orders', (s) => s.orders, false, listedOrder),
  listRoute(
    '/payments/transactions',
    (s) => s.transactions,
    true,
    (t) => t,
  ),
  listRoute(
    '/payments/subscriptions',
    (s) => s.subscriptions,
    true,
    (t) => t,
  ),
  {
    method: 'GET',
    path: '/payments/orders/{orderId}',
    handle(req, state) {
      assertAlt(req, req.query, false);
      const { contactName: _c, subtotal, discount, sourceType, sourceName, sourceId, ...order } = orderOf(req, state);
      return ok({ ...order, amountSummary: { subtotal, discount }, source: { type: sourceType, id: sourceId, name: sourceName } });
    },
  },
  {
    method: 'GET',
    path: '/payments/transactions/{transactionId}',
    handle(req, state) {
      assertAlt(req, req.query, true);
      const txn = store(state).transactions.get(req.params.transactionId);
      if (!txn || txn.altId !== req.locationId) fail(404, 'Transaction not found');
      return ok(txn);
    },
  },
  {
    method: 'POST',
    path: '/payments/orders/{orderId}/record-payment',
    handle(req, state) {
      assertAlt(req, req.body, true);
      const order = orderOf(req, state);
      const due = order.amount - order.amountPaid;
      if (due <= 0) fail(400, 'The order is already paid');
      const amount = req.body.amount ?? due;
      if (amount > due) fail(400, `The amount is more than the amount due (${due})`);
      if (amount < due && !req.body.isPartialPayment) fail(400, 'The amount is less than the amount due: mark it as a partial payment');
      order.amountPaid += amount;
      Object.assign(order, {
        paymentStatus: order.amountPaid >= order.amount ? 'paid' : 'partially_paid',
        status: order.amountPaid >= order.amount ? 'completed' : 'pending',
        updatedAt: state.now(),
      });
      const txn = {
        _id: newId(24).toLowerCase(),
        altId: order.altId,
        altType: 'location',
        contactId: order.contactId,
        contactName: order.contactName,
        currency: order.currency,
        amount,
        status: 'succeeded',
        liveMode: true,
        entityType: 'order',
        entityId: order._id,
        entitySourceType: 'manual',
        paymentProviderType: req.body.mode,
        createdAt: state.now(),
        updatedAt: state.now(),
        fulfilledAt: state.now(),
      };
      store(state).transactions.set(txn._id, txn);
      return ok({ success: true });
    },
  },
  {
    method: 'POST',
    path: '/payments/orders/{orderId}/fulfillments',
    handle(req, state) {
      assertAlt(req, req.body, true);
      const order = orderOf(req, state);
      const byPrice = new Map<string, Rec>(order.items.map((i: Rec) => [i.price._id, i]));
      const items = (req.body.items as Rec[]).map((i) => {
        const item = byPrice.get(i.priceId);
        if (!item) fail(400, `The order has no item with price ${i.priceId}`);
        const product = {
          _id: newId(24).toLowerCase(),
          locationId: order.altId,
          name: item.product.name,
          productType: item.product.productType,
          createdAt: order.createdAt,
          updatedAt: order.createdAt,
        };
        return {
          _id: i.priceId,
          name: item.name,
          qty: i.qty,
          product,
          price: { _id: i.priceId, name: item.price.name, type: 'one_time', currency: item.price.currency, amount: item.price.amount },
        };
      });
      const now = state.now();
      const fulfillment = {
        _id: newId(24).toLowerCase(),
        altId: order.altId,
        altType: 'location',
        trackings: req.body.trackings,
        items,
        createdAt: now,
        updatedAt: now,
      };
      store(state).fulfillments.push(fulfillment);
      Object.assign(order, { fulfillmentStatus: 'fulfilled', updatedAt: now });
      return ok({ status: true, data: fulfillment });
    },
  },
];
