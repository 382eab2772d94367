import { listProducts, productsApi } from '../src/api/products';
import { pollingTrigger } from '../src/factories/trigger';
import { productOutputFields, productSample } from '../src/fields/product';

const { id: _id, ...productRecord } = productSample;
const listAnswer = { products: [productRecord], total: [{ total: 1 }] };

/**
 * New Product: HighLevel sorts the list by date (`sortOrder=desc`), so a poll reads pages of 100 down to the newest
 * product the previous poll saw: one request unless 100 or more were added since.
 */
export const newProduct = pollingTrigger({
  key: 'new_product',
  noun: 'Product',
  label: 'New Product',
  description: 'Triggers when a product is added to your HighLevel location (its store and payment links).',
  endpoint: productsApi.listProducts,
  fields: [],
  perform: async (_input, ctx) => listProducts(ctx, ctx.limit, ctx.page * ctx.limit),
  serverSorted: { key: (p) => p.createdAt },
  newestFirst: (p) => p.createdAt,
  resultKey: 'products',
  sample: productSample,
  sampleAnswer: listAnswer,
  outputFields: productOutputFields,
});

const DROPDOWN_PAGE = 50;

export const productDropdown = pollingTrigger({
  key: 'product_list',
  noun: 'Product',
  label: 'List Products',
  description: 'Lists products for dropdowns, newest first.',
  hidden: true,
  endpoint: productsApi.listProducts,
  fields: [],
  perform: async (_input, ctx) =>
    (await listProducts(ctx, DROPDOWN_PAGE, ctx.page * DROPDOWN_PAGE)).map((p) => ({
      ...p,
      name: [p.name, p.productType].filter(Boolean).join(' · ') || p._id,
    })),
  resultKey: 'products',
  sample: { id: productSample.id, name: 'Annual Boiler Service · SERVICE' },
  sampleAnswer: listAnswer,
  zapier: { canPaginate: true },
});
