import { newId, pick, Rec, SandboxState } from '../state';
import { assertLocation, created, fail, ok, Route, RouteRequest, storeFor } from './route';

// Products and their prices (products.json), in this module's own store. Seeded: one service product.

const FIELDS = ['name', 'productType', 'description', 'image', 'statementDescriptor', 'availableInStore'];
const PRICE_FIELDS = ['name', 'type', 'currency', 'amount', 'recurring', 'description', 'compareAtPrice', 'trialPeriod', 'setupFee', 'sku'];

const store = storeFor((state: SandboxState) => {
  const at = new Date(Date.now() - 5 * 24 * 60 * 60 * 1000).toISOString();
  const seeded = {
    _id: newId(24).toLowerCase(),
    locationId: state.locationId,
    name: 'Drain Cleaning',
    productType: 'SERVICE',
    availableInStore: false,
    createdAt: at,
    updatedAt: at,
  };
  return { products: new Map<string, Rec>([[seeded._id, seeded]]), prices: new Map<string, Rec>() };
});

function productOf(req: RouteRequest, state: SandboxState): Rec {
  const product = store(state).products.get(req.params.productId);
  if (!product || product.locationId !== req.locationId) fail(404, 'Product not found');
  return product;
}

export const productRoutes: Route[] = [
  {
    method: 'GET',
    path: '/products/',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      const needle = req.query.search?.toLowerCase();
      const sign = req.query.sortOrder === 'asc' ? 1 : -1;
      const products = [...store(state).products.values()]
        .filter((p) => p.locationId === req.locationId && (!needle || p.name.toLowerCase().includes(needle)))
        .sort((a, b) => sign * a.createdAt.localeCompare(b.createdAt));
      const offset = Number(req.query.offset) || 0;
      return ok({ products: products.slice(offset, offset + (Number(req.query.limit) || 20)), total: [{ total: products.length }] });
    },
  },
  {
    method: 'GET',
    path: '/products/{productId}',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      return ok(productOf(req, state));
    },
  },
  {
    method: 'POST',
    path: '/products/',
    handle(req, state) {
      assertLocation(req, req.body.locationId);
      const now = state.now();
      const product = {
        _id: newId(24).toLowerCase(),
        ...pick(req.body, FIELDS),
        locationId: req.locationId,
        createdAt: now,
        updatedAt: now,
      };
      store(state).products.set(product._id, product);
      return created(product);
    },
  },
  {
    method: 'PUT',
    path: '/products/{productId}',
    handle(req, state) {
      assertLocation(req, req.body.locationId);
      const product = productOf(req, state);
      Object.assign(product, pick(req.body, FIELDS), { updatedAt: state.now() });
      return ok(product);
    },
  },
  {
    method: 'POST',
    path: '/products/{productId}/price',
    handle(req, state) {
      assertLocation(req, req.body.locationId);
      const product = productOf(req, state);
      if (req.body.type === 'recurring' && !req.body.recurring) fail(422, 'recurring must be an object for a recurring price');
      const now = state.now();
      const price = {
        _id: newId(24).toLowerCase(),
        ...pick(req.body, PRICE_FIELDS),
        product: product._id,
        locationId: req.locationId,
        membershipOffers: [],
        variantOptionIds: [],
        createdAt: now,
        updatedAt: now,
      };
      store(state).prices.set(price._id, price);
      return created(price);
    },
  },
];
