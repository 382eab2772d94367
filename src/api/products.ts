import type { Context, Item } from '../factories/operation';
import { endpoint } from './endpoint';

// Products and their prices (products.json). The list's operationId is `list-invoices` in the spec (sic).
export const productsApi = {
  listProducts: endpoint('products.json', 'GET /products/', {
    operationId: 'list-invoices',
    scope: 'products.readonly',
    locationIn: 'query',
  }),
  getProduct: endpoint('products.json', 'GET /products/{productId}', {
    operationId: 'get-product-by-id',
    scope: 'products.readonly',
    locationIn: 'query',
  }),
  createProduct: endpoint('products.json', 'POST /products/', {
    operationId: 'create-product',
    scope: 'products.write',
    locationIn: 'body',
  }),
  updateProduct: endpoint('products.json', 'PUT /products/{productId}', {
    operationId: 'update-product-by-id',
    scope: 'products.write',
    locationIn: 'body',
  }),
  createPrice: endpoint('products.json', 'POST /products/{productId}/price', {
    operationId: 'create-price-for-product',
    scope: 'products/prices.write',
    locationIn: 'body',
  }),
};

/** One page of the location's products, newest first (HighLevel sorts by date with `sortOrder=desc`). */
export async function listProducts(ctx: Context, limit: number, offset = 0, search?: string): Promise<Item[]> {
  const data = await ctx.call(productsApi.listProducts, {
    query: { limit: String(limit), offset: String(offset), sortOrder: 'desc', search },
  });
  return ((data?.products ?? []) as Item[]).filter((p) => p && typeof p === 'object');
}
