import { OutputField } from '../factories/operation';
import { FieldDef } from './field';
import * as v from './values';

export const orderIdField: FieldDef = {
  key: 'orderId',
  label: 'Order',
  helpText: 'The HighLevel order. Pick one (latest first), search by contact, or map an order ID.',
  schema: v.id(),
  required: true,
  dynamic: 'order_list.id.name',
  search: 'find_order.id',
};

/** A manual payment's method (orders and invoices take the same modes); `who` paid: "customer", "contact". */
export const paymentModeField = (who: string): FieldDef => ({
  key: 'mode',
  label: 'Payment Method',
  helpText: `How the ${who} paid outside HighLevel.`,
  schema: v.oneOf(['cash', 'card', 'cheque', 'bank_transfer', 'other']),
  choices: { cash: 'Cash', card: 'Card', cheque: 'Cheque', bank_transfer: 'Bank transfer', other: 'Other' },
  required: true,
});

/** The card and cheque details a manual payment (order or invoice) may record. */
export const cardLast4Field: FieldDef = {
  key: 'cardLast4',
  label: 'Card Last 4 Digits',
  helpText: "For a card payment: the card number's last four digits.",
  schema: v.narrow(v.text(4), (s) => s.regex(/^\d{4}$/, 'must be four digits')),
};
export const chequeNumberField: FieldDef = {
  key: 'chequeNumber',
  label: 'Cheque Number',
  helpText: 'For a cheque payment: the cheque number.',
  schema: v.text(50),
};

export const orderPaymentFields: FieldDef[] = [
  paymentModeField('customer'),
  {
    key: 'amount',
    label: 'Amount',
    helpText: 'The amount paid. Default: the amount still due on the order.',
    schema: v.narrow(v.number(), (n, z) => n.pipe(z.number().positive('must be more than 0'))),
    type: 'number',
  },
  {
    key: 'isPartialPayment',
    label: 'Partial Payment',
    helpText: 'Yes: this pays part of the order; it stays partly paid until the rest is recorded.',
    schema: v.bool(),
    type: 'boolean',
  },
  { key: 'notes', label: 'Notes', helpText: 'A note recorded with the payment, e.g. "Paid at pickup".', schema: v.text(1000) },
  {
    key: 'cardType',
    label: 'Card Type',
    helpText: 'For a card payment: the card network.',
    schema: v.oneOf(['visa', 'mastercard', 'other']),
    choices: { visa: 'Visa', mastercard: 'Mastercard', other: 'Other' },
  },
  cardLast4Field,
  chequeNumberField,
];

export const fulfillmentFields: FieldDef[] = [
  {
    key: 'trackingNumber',
    label: 'Tracking Number',
    helpText: "The shipping carrier's tracking number, e.g. 40012345678.",
    schema: v.text(100),
  },
  { key: 'shippingCarrier', label: 'Shipping Carrier', helpText: 'The carrier, e.g. FedEx, UPS or USPS.', schema: v.text(100) },
  { key: 'trackingUrl', label: 'Tracking URL', helpText: 'A link where the customer can follow the parcel.', schema: v.url() },
  {
    key: 'notifyCustomer',
    label: 'Notify Customer',
    helpText: 'Yes (default): HighLevel emails the customer that the order has shipped, with the tracking details.',
    schema: v.bool(),
    type: 'boolean',
    default: 'true',
  },
];

const LOCATION = 've9EPM428h8vShlRW1KT';

/** How every payments record opens: `id` (repeating HighLevel's `_id`) and the location that owns it. */
const recordOf = (id: string) => ({ id, _id: id, altId: LOCATION, altType: 'location' });

/** The contact snapshot orders, transactions and subscriptions carry. */
const payer = { contactId: 'seD4PfOuKoVMLkEZqohJ', contactName: 'Rosa Delgado', contactEmail: 'rosa.delgado@example.com' };

/**
 * The output fields orders, transactions and subscriptions share, in this order: id, status, amount (then
 * `amounts`), currency, the contact snapshot, each one's `own` fields, live mode, creation time.
 */
function paymentsOutputFields(noun: string, own: OutputField[], amounts: OutputField[] = []): OutputField[] {
  return [
    { key: 'id', label: `${noun} ID` },
    { key: 'status', label: 'Status' },
    { key: 'amount', label: 'Amount', type: 'number' },
    ...amounts,
    { key: 'currency', label: 'Currency' },
    { key: 'contactId', label: 'Contact ID' },
    { key: 'contactName', label: 'Contact Name' },
    { key: 'contactEmail', label: 'Contact Email' },
    ...own,
    { key: 'liveMode', label: 'Live Payment', type: 'boolean' },
    { key: 'createdAt', label: 'Created At', type: 'datetime' },
  ];
}

/** An order as the order list answers it (OrderResponseSchema). */
export const orderSample = {
  ...recordOf('653f5e0cde5a1314e62a837c'),
  ...payer,
  currency: 'USD',
  amount: 240,
  subtotal: 240,
  discount: 0,
  status: 'completed',
  liveMode: true,
  totalProducts: 2,
  sourceType: 'funnel',
  sourceName: 'Boiler Service Checkout',
  sourceId: 'kDj7BHej9Zyyq3QakJmz',
  fulfillmentStatus: 'unfulfilled',
  createdAt: '2026-03-09T10:23:36.515Z',
  updatedAt: '2026-03-09T10:23:40.002Z',
};

export const orderOutputFields = paymentsOutputFields('Order', [
  { key: 'sourceType', label: 'Source Type' },
  { key: 'sourceName', label: 'Source Name' },
  { key: 'fulfillmentStatus', label: 'Fulfillment Status' },
]);

/** An order as GET /payments/orders/{orderId} answers it (GetOrderResponseSchema), with its items. */
export const orderDetailSample = {
  ...recordOf(orderSample.id),
  contactId: orderSample.contactId,
  currency: 'USD',
  amount: 240,
  status: 'completed',
  liveMode: true,
  fulfillmentStatus: 'unfulfilled',
  amountSummary: { subtotal: 240, discount: 0 },
  source: { type: 'funnel', id: 'kDj7BHej9Zyyq3QakJmz', name: 'Boiler Service Checkout' },
  items: [
    {
      _id: '61dd33e88058b9f967ca79dc',
      name: 'Annual Boiler Service',
      qty: 2,
      price: { _id: '655b33aa2209e60b6adb87a7', name: 'One visit', amount: 120, currency: 'USD' },
      product: { _id: '655b33a82209e60b6adb87a5', name: 'Annual Boiler Service', productType: 'SERVICE' },
    },
  ],
  createdAt: orderSample.createdAt,
  updatedAt: orderSample.updatedAt,
};

/** What the sample transaction and subscription paid for: the sample order, from its funnel. */
const paidFor = {
  entityType: 'order',
  entityId: orderSample.id,
  entitySourceType: orderSample.sourceType,
  entitySourceName: orderSample.sourceName,
};

/** A transaction as the list answers it (TxnResponseSchema). */
export const transactionSample = {
  ...recordOf('61dd0feac077f72010f78804'),
  ...payer,
  currency: 'USD',
  amount: 240,
  status: 'succeeded',
  liveMode: true,
  ...paidFor,
  chargeId: 'ch_3MmlLrLkdIwHu7ix0snN0B15',
  paymentProviderType: 'stripe',
  amountRefunded: 0,
  createdAt: '2026-03-09T10:23:38.515Z',
  updatedAt: '2026-03-09T10:23:38.515Z',
  fulfilledAt: '2026-03-09T10:23:38.515Z',
};

export const transactionOutputFields = paymentsOutputFields(
  'Transaction',
  [
    { key: 'entityType', label: 'Paid For (Type)' },
    { key: 'entityId', label: 'Paid For (ID)' },
    { key: 'entitySourceType', label: 'Source Type' },
    { key: 'entitySourceName', label: 'Source Name' },
    { key: 'paymentProviderType', label: 'Payment Provider' },
    { key: 'chargeId', label: 'Charge ID' },
  ],
  [{ key: 'amountRefunded', label: 'Amount Refunded', type: 'number' }],
);

/** A subscription as the list answers it (SubscriptionResponseSchema). */
export const subscriptionSample = {
  ...recordOf('64bf78af39118e4011926cba'),
  ...payer,
  currency: 'USD',
  amount: 199,
  status: 'active',
  liveMode: true,
  ...paidFor,
  subscriptionId: 'sub_1KGcXDCScnf89tZoVkoEMCEL',
  paymentProviderType: 'stripe',
  createdAt: '2026-03-09T10:23:38.515Z',
  updatedAt: '2026-03-09T10:23:38.515Z',
};

export const subscriptionOutputFields = paymentsOutputFields('Subscription', [
  { key: 'subscriptionId', label: 'Provider Subscription ID' },
  { key: 'entitySourceType', label: 'Source Type' },
  { key: 'entitySourceName', label: 'Source Name' },
  { key: 'paymentProviderType', label: 'Payment Provider' },
]);

/** A fulfillment as HighLevel answers it (FulfillmentSchema); `id` repeats `_id`, `orderId` is the order's. */
export const fulfillmentSample = {
  id: '655b33a82209e60b6adb87f1',
  _id: '655b33a82209e60b6adb87f1',
  orderId: orderSample.id,
  altId: LOCATION,
  altType: 'location',
  trackings: [
    { trackingNumber: '40012345678', shippingCarrier: 'FedEx', trackingUrl: 'https://www.fedex.com/wtrk/track/?trknbr=40012345678' },
  ],
  items: [
    {
      _id: '655b33aa2209e60b6adb87a7',
      name: 'Annual Boiler Service',
      qty: 2,
      product: {
        _id: '655b33a82209e60b6adb87a5',
        locationId: LOCATION,
        name: 'Annual Boiler Service',
        productType: 'SERVICE',
        createdAt: '2026-03-01T10:12:00.000Z',
        updatedAt: '2026-03-01T10:12:00.000Z',
      },
      price: { _id: '655b33aa2209e60b6adb87a7', name: 'One visit', type: 'one_time', currency: 'USD', amount: 120 },
    },
  ],
  createdAt: '2026-03-10T09:27:42.355Z',
  updatedAt: '2026-03-10T09:27:42.355Z',
};

export const fulfillmentOutputFields: OutputField[] = [
  { key: 'id', label: 'Fulfillment ID' },
  { key: 'orderId', label: 'Order ID' },
  { key: 'trackings[]trackingNumber', label: 'Tracking Number' },
  { key: 'trackings[]shippingCarrier', label: 'Shipping Carrier' },
  { key: 'trackings[]trackingUrl', label: 'Tracking URL' },
  { key: 'items[]name', label: 'Item Name' },
  { key: 'items[]qty', label: 'Item Quantity', type: 'number' },
  { key: 'createdAt', label: 'Created At', type: 'datetime' },
];
