import { OutputField } from '../factories/operation';
import { FieldDef } from './field';
import * as v from './values';

export const productIdField: FieldDef = {
  key: 'productId',
  label: 'Product',
  helpText: 'The HighLevel product. Pick one (newest first), search by name, or map a product ID.',
  schema: v.id(),
  required: true,
  dynamic: 'product_list.id.name',
  search: 'find_product.id',
};

export const productTypeField: FieldDef = {
  key: 'productType',
  label: 'Product Type',
  helpText: 'What kind of product it is: it decides how HighLevel delivers it (shipping, a download, a service).',
  schema: v.oneOf(['DIGITAL', 'PHYSICAL', 'SERVICE', 'PHYSICAL/DIGITAL']),
  choices: { DIGITAL: 'Digital', PHYSICAL: 'Physical', SERVICE: 'Service', 'PHYSICAL/DIGITAL': 'Physical and digital' },
};

/** Product fields (CreateProductDto / UpdateProductDto). */
export const productFields: FieldDef[] = [
  { key: 'name', label: 'Product Name', helpText: 'The name customers see, e.g. "Annual Boiler Service".', schema: v.text(200) },
  productTypeField,
  {
    key: 'description',
    label: 'Description',
    helpText: 'What the product is, shown in the store and on checkout pages.',
    schema: v.text(10000),
    type: 'text',
  },
  { key: 'image', label: 'Image URL', helpText: 'A public URL of the product image, e.g. from a file upload step.', schema: v.url() },
  {
    key: 'statementDescriptor',
    label: 'Statement Descriptor',
    helpText: "What appears on the customer's card statement (up to 22 characters), e.g. DELGADO PLUMBING.",
    schema: v.text(22),
  },
  {
    key: 'availableInStore',
    label: 'Available in Store',
    helpText: 'Yes: the product is listed in your online store.',
    schema: v.bool(),
    type: 'boolean',
  },
];

/** A product as HighLevel answers it (DefaultProductResponseDto); `id` repeats `_id`. */
export const productSample = {
  id: '655b33a82209e60b6adb87a5',
  _id: '655b33a82209e60b6adb87a5',
  locationId: 've9EPM428h8vShlRW1KT',
  name: 'Annual Boiler Service',
  description: 'Yearly inspection and cleaning of a gas boiler.',
  productType: 'SERVICE',
  availableInStore: true,
  statementDescriptor: 'DELGADO PLUMBING',
  image: 'https://delgado-plumbing.example.com/images/boiler.jpg',
  createdAt: '2026-03-01T10:12:00.000Z',
  updatedAt: '2026-03-04T08:30:00.000Z',
};

export const productOutputFields: OutputField[] = [
  { key: 'id', label: 'Product ID' },
  { key: 'name', label: 'Product Name' },
  { key: 'productType', label: 'Product Type' },
  { key: 'description', label: 'Description' },
  { key: 'image', label: 'Image URL' },
  { key: 'statementDescriptor', label: 'Statement Descriptor' },
  { key: 'availableInStore', label: 'Available in Store', type: 'boolean' },
  { key: 'createdAt', label: 'Created At', type: 'datetime' },
  { key: 'updatedAt', label: 'Updated At', type: 'datetime' },
];

/** Price fields (CreatePriceDto). */
export const priceFields: FieldDef[] = [
  {
    key: 'name',
    label: 'Price Name',
    helpText: 'The name of this price option, e.g. "Monthly plan" or "One-off".',
    schema: v.text(200),
    required: true,
  },
  {
    key: 'type',
    label: 'Billing',
    helpText: 'One-time: paid once. Recurring: a subscription billed every interval.',
    schema: v.oneOf(['one_time', 'recurring']),
    choices: { one_time: 'One-time', recurring: 'Recurring (subscription)' },
    required: true,
    default: 'one_time',
  },
  {
    key: 'amount',
    label: 'Amount',
    helpText: 'The price in the currency, e.g. 49.99.',
    schema: v.narrow(v.number(), (n, z) => n.pipe(z.number().min(0, 'must not be negative'))),
    type: 'number',
    required: true,
  },
  {
    key: 'currency',
    label: 'Currency',
    helpText: 'Three-letter currency code, e.g. USD.',
    schema: v.narrow(v.text(3), (s) =>
      s.regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code, e.g. USD').transform((c) => c.toUpperCase()),
    ),
    required: true,
    default: 'USD',
  },
  {
    key: 'interval',
    label: 'Billing Interval',
    helpText: 'For a recurring price: how often it is billed.',
    schema: v.oneOf(['day', 'week', 'month', 'year']),
    choices: { day: 'Daily', week: 'Weekly', month: 'Monthly', year: 'Yearly' },
  },
  {
    key: 'intervalCount',
    label: 'Every',
    helpText: 'For a recurring price: bill every this many intervals (default 1), e.g. 3 with Monthly = quarterly.',
    schema: v.integer(1, 365),
    type: 'integer',
  },
  { key: 'description', label: 'Price Description', helpText: 'Shown with the price option at checkout.', schema: v.text(2000) },
  {
    key: 'compareAtPrice',
    label: 'Compare-at Price',
    helpText: 'An original price shown struck through, e.g. 59.99.',
    schema: v.number(),
    type: 'number',
  },
  {
    key: 'trialPeriod',
    label: 'Trial Days',
    helpText: 'For a recurring price: free days before the first charge.',
    schema: v.integer(0, 730),
    type: 'integer',
  },
  {
    key: 'setupFee',
    label: 'Setup Fee',
    helpText: 'For a recurring price: a one-off fee charged with the first payment.',
    schema: v.number(),
    type: 'number',
  },
  { key: 'sku', label: 'SKU', helpText: 'Your stock-keeping unit code for this price.', schema: v.text(100) },
];

/** A price as HighLevel answers it (CreatePriceResponseDto); `id` repeats `_id`. */
export const priceSample = {
  id: '655b33aa2209e60b6adb87a7',
  _id: '655b33aa2209e60b6adb87a7',
  product: '655b33a82209e60b6adb87a5',
  locationId: 've9EPM428h8vShlRW1KT',
  name: 'Yearly plan',
  type: 'recurring',
  currency: 'USD',
  amount: 199,
  recurring: { interval: 'year', intervalCount: 1 },
  membershipOffers: [],
  variantOptionIds: [],
  createdAt: '2026-03-01T10:14:00.000Z',
  updatedAt: '2026-03-01T10:14:00.000Z',
};

export const priceOutputFields: OutputField[] = [
  { key: 'id', label: 'Price ID' },
  { key: 'product', label: 'Product ID' },
  { key: 'name', label: 'Price Name' },
  { key: 'type', label: 'Billing' },
  { key: 'currency', label: 'Currency' },
  { key: 'amount', label: 'Amount', type: 'number' },
  { key: 'recurring__interval', label: 'Billing Interval' },
  { key: 'recurring__intervalCount', label: 'Every', type: 'integer' },
  { key: 'createdAt', label: 'Created At', type: 'datetime' },
];
