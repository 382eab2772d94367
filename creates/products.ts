import { productsApi } from '../src/api/products';
import { createAction } from '../src/factories/create';
import { required } from '../src/fields/field';
import {
  priceFields,
  priceOutputFields,
  priceSample,
  productFields,
  productIdField,
  productOutputFields,
  productSample,
} from '../src/fields/product';

const { id: _id, ...productRecord } = productSample;
const { id: _priceId, ...priceRecord } = priceSample;
const [name, productType, ...details] = productFields;

/** What a product write compares with HighLevel's answer, the stored product (src/unsaved.ts). */
const PRODUCT_UNSAVED = {
  name: 'text',
  productType: 'text',
  description: 'text',
  image: 'text',
  statementDescriptor: 'text',
  availableInStore: 'text',
} as const;

export const createProduct = createAction({
  key: 'create_product',
  noun: 'Product',
  label: 'Create Product',
  description: 'Creates a product (something you sell) in your location; add its price with Create Price.',
  endpoint: productsApi.createProduct,
  fields: [required(name), { ...required(productType), default: 'SERVICE' }, ...details],
  unsaved: PRODUCT_UNSAVED,
  sample: productSample,
  sampleAnswer: productRecord,
  outputFields: productOutputFields,
});

/**
 * Update Product. HighLevel's update needs the name and type (UpdateProductDto): the ones left empty are read from
 * the product first, so a zap can change only what it fills in.
 */
export const updateProduct = createAction({
  key: 'update_product',
  noun: 'Product',
  label: 'Update Product',
  description: "Changes a product's details. Only the fields you fill in are changed.",
  endpoint: productsApi.updateProduct,
  alsoCalls: [productsApi.getProduct],
  fields: [productIdField, ...productFields],
  unsaved: PRODUCT_UNSAVED,
  perform: async (input, ctx) => {
    const { productId, ...changes } = input;
    let current: Record<string, any> = {};
    if (!changes.name || !changes.productType) current = (await ctx.call(productsApi.getProduct, { path: { productId } })) ?? {};
    const body = { name: current.name, productType: current.productType, ...changes };
    if (!body.name || !body.productType) {
      throw new ctx.z.errors.Error(
        'Update Product: HighLevel did not return the product name and type; fill in Product Name (name) and Product Type (productType).',
        'InvalidInput',
        400,
      );
    }
    const data = await ctx.call(productsApi.updateProduct, { path: { productId }, body });
    return data ?? {};
  },
  sample: productSample,
  sampleAnswer: productRecord,
  outputFields: productOutputFields,
});

export const createPrice = createAction({
  key: 'create_price',
  noun: 'Price',
  label: 'Create Price',
  description: 'Adds a price to a product: a one-time price or a recurring (subscription) one.',
  endpoint: productsApi.createPrice,
  fields: [productIdField, ...priceFields],
  perform: async (input, ctx) => {
    const { productId, interval, intervalCount, ...price } = input;
    if (price.type === 'recurring' && !interval) {
      throw new ctx.z.errors.Error('Create Price: a recurring price needs Billing Interval (interval).', 'InvalidInput', 400);
    }
    if (price.type === 'one_time' && (interval || price.trialPeriod !== undefined || price.setupFee !== undefined)) {
      throw new ctx.z.errors.Error(
        'Create Price: Billing Interval, Trial Days and Setup Fee are for recurring prices; set Billing to Recurring or leave them empty.',
        'InvalidInput',
        400,
      );
    }
    const body = { ...price, ...(price.type === 'recurring' ? { recurring: { interval, intervalCount: intervalCount ?? 1 } } : {}) };
    return (await ctx.call(productsApi.createPrice, { path: { productId }, body })) ?? {};
  },
  sample: priceSample,
  sampleAnswer: priceRecord,
  outputFields: priceOutputFields,
});
