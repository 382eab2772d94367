import { listProducts, productsApi } from '../src/api/products';
import { matchByName } from '../src/factories/nameSearch';
import { searchAction } from '../src/factories/search';
import { productOutputFields, productSample } from '../src/fields/product';
import * as v from '../src/fields/values';

const { id: _id, ...productRecord } = productSample;

/** Find Product: by ID, else HighLevel's own name search (then exact names first). */
export const findProduct = searchAction({
  key: 'find_product',
  noun: 'Product',
  label: 'Find Product',
  description: 'Finds a product by name or by ID.',
  endpoint: productsApi.getProduct,
  alsoCalls: [productsApi.listProducts],
  fields: [
    {
      key: 'name',
      label: 'Product Name',
      helpText: 'The product name, or part of it. An exact name wins over names containing the text.',
      schema: v.text(200),
    },
    { key: 'productId', label: 'Product ID', helpText: 'Find the product with exactly this ID.', schema: v.id() },
  ],
  perform: async (input, ctx) => {
    if (input.productId) {
      const data = await ctx.call(productsApi.getProduct, { path: { productId: input.productId } }, { notFoundAsNull: true });
      return data && (data._id || data.id) ? [data] : [];
    }
    if (!input.name) throw new ctx.z.errors.Error('Find Product: fill in Product Name or Product ID.', 'InvalidInput', 400);
    return matchByName(await listProducts(ctx, 100, 0, input.name), input.name);
  },
  sample: productSample,
  sampleAnswer: productRecord,
  outputFields: productOutputFields,
});
