import { paymentAlt, paymentsApi } from '../src/api/payments';
import { createAction } from '../src/factories/create';
import { Item } from '../src/factories/operation';
import { fulfillmentFields, fulfillmentOutputFields, fulfillmentSample, orderIdField, orderPaymentFields } from '../src/fields/payment';

export const recordOrderPayment = createAction({
  key: 'record_order_payment',
  noun: 'Order Payment',
  label: 'Record Order Payment',
  description: 'Records a payment taken outside HighLevel (cash, card terminal, cheque, bank transfer) against an unpaid order.',
  endpoint: paymentsApi.recordOrderPayment,
  fields: [orderIdField, ...orderPaymentFields],
  perform: async (input, ctx) => {
    if (input.mode === 'card' && !(input.cardType && input.cardLast4)) {
      throw new ctx.z.errors.Error(
        'Record Order Payment: a card payment needs Card Type (cardType) and Card Last 4 Digits (cardLast4).',
        'InvalidInput',
        400,
      );
    }
    if (input.mode === 'cheque' && !input.chequeNumber) {
      throw new ctx.z.errors.Error('Record Order Payment: a cheque payment needs Cheque Number (chequeNumber).', 'InvalidInput', 400);
    }
    if (input.isPartialPayment && input.amount === undefined) {
      throw new ctx.z.errors.Error('Record Order Payment: a partial payment needs its Amount (amount).', 'InvalidInput', 400);
    }
    const body = {
      ...(await paymentAlt(ctx, 'transactions')),
      mode: input.mode,
      ...(input.mode === 'card' ? { card: { type: input.cardType, last4: input.cardLast4 } } : {}),
      ...(input.mode === 'cheque' ? { cheque: { number: input.chequeNumber } } : {}),
      ...(input.notes ? { notes: input.notes } : {}),
      ...(input.amount !== undefined ? { amount: input.amount } : {}),
      ...(input.isPartialPayment !== undefined ? { isPartialPayment: input.isPartialPayment } : {}),
    };
    const data = await ctx.call(paymentsApi.recordOrderPayment, { path: { orderId: input.orderId }, body });
    return {
      id: input.orderId,
      orderId: input.orderId,
      success: data?.success !== false,
      mode: input.mode,
      ...(input.amount !== undefined ? { amount: input.amount } : {}),
    };
  },
  sample: { id: '653f5e0cde5a1314e62a837c', orderId: '653f5e0cde5a1314e62a837c', success: true, mode: 'cash', amount: 240 },
  sampleAnswer: { success: true },
  outputFields: [
    { key: 'orderId', label: 'Order ID' },
    { key: 'success', label: 'Recorded', type: 'boolean' },
    { key: 'mode', label: 'Payment Method' },
    { key: 'amount', label: 'Amount', type: 'number' },
  ],
});

/**
 * Create Order Fulfillment: marks every item of the order shipped (HighLevel names items by their price and
 * quantity, read from the order first), with the carrier's tracking details.
 */
export const createOrderFulfillment = createAction({
  key: 'create_order_fulfillment',
  noun: 'Fulfillment',
  label: 'Create Order Fulfillment',
  description: "Marks an order's items as shipped, with the tracking number and carrier, and optionally emails the customer.",
  endpoint: paymentsApi.createFulfillment,
  alsoCalls: [paymentsApi.getOrder],
  fields: [orderIdField, ...fulfillmentFields],
  perform: async (input, ctx) => {
    const alt = await paymentAlt(ctx, 'transactions');
    const order = await ctx.call(paymentsApi.getOrder, { path: { orderId: input.orderId }, query: { altId: alt.altId } });
    const items = ((order?.items ?? []) as Item[])
      .filter((i) => i && typeof i === 'object')
      .map((i) => ({ priceId: i.price?._id ?? i.priceId, qty: typeof i.qty === 'number' ? i.qty : 1 }))
      .filter((i) => typeof i.priceId === 'string' && i.priceId);
    if (!items.length) {
      // Nothing to ship is an outcome, not a failure: the zap run stops here and says why.
      throw new ctx.z.errors.HaltedError(
        `Create Order Fulfillment: HighLevel lists no items with a price on order ${input.orderId}, so there is nothing to fulfil.`,
      );
    }
    const tracking = Object.fromEntries(
      Object.entries({
        trackingNumber: input.trackingNumber,
        shippingCarrier: input.shippingCarrier,
        trackingUrl: input.trackingUrl,
      }).filter(([, v]) => v !== undefined),
    );
    const body = { ...alt, trackings: Object.keys(tracking).length ? [tracking] : [], items, notifyCustomer: input.notifyCustomer ?? true };
    const data = await ctx.call(paymentsApi.createFulfillment, { path: { orderId: input.orderId }, body });
    const fulfillment: Item = data?.data && typeof data.data === 'object' ? data.data : {};
    return { ...fulfillment, id: fulfillment._id ?? fulfillment.id, orderId: input.orderId };
  },
  sample: fulfillmentSample,
  sampleAnswer: { status: true, data: (({ id: _i, orderId: _o, ...rest }) => rest)(fulfillmentSample) },
  outputFields: fulfillmentOutputFields,
});
