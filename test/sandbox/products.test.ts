import { sandboxApp } from './support';

// End to end: products and prices through the Zapier runtime against the sandbox.

const app = sandboxApp();
type Item = Record<string, any>;

describe('products in the sandbox', () => {
  it('create → New Product → update one field (name and type kept) → prices → find → dropdown', async () => {
    const before: Item[] = await app.run('new_product');
    const product = await app.run('create_product', {
      name: 'Annual Boiler Service',
      productType: 'SERVICE',
      description: 'Yearly inspection',
      availableInStore: 'yes',
    });
    expect(product).toMatchObject({ name: 'Annual Boiler Service', productType: 'SERVICE', availableInStore: true });
    expect(product.id).toBe(product._id);

    const after: Item[] = await app.run('new_product');
    expect(after[0].id).toBe(product.id);
    expect(before.map((p) => p.id)).not.toContain(product.id);

    const updated = await app.run('update_product', { productId: product.id, description: 'Yearly inspection and cleaning' });
    expect(updated).toMatchObject({
      id: product.id,
      name: 'Annual Boiler Service',
      productType: 'SERVICE',
      description: 'Yearly inspection and cleaning',
    });

    const yearly = await app.run('create_price', {
      productId: product.id,
      name: 'Yearly plan',
      type: 'recurring',
      amount: '199',
      currency: 'usd',
      interval: 'year',
    });
    expect(yearly).toMatchObject({
      product: product.id,
      type: 'recurring',
      currency: 'USD',
      amount: 199,
      recurring: { interval: 'year', intervalCount: 1 },
    });
    const once = await app.run('create_price', {
      productId: product.id,
      name: 'One visit',
      type: 'one_time',
      amount: '120',
      currency: 'USD',
    });
    expect(once.recurring).toBeUndefined();

    expect((await app.run('find_product', { name: 'annual boiler service' })).map((p: Item) => p.id)).toEqual([product.id]);
    expect((await app.run('find_product', { productId: product.id }))[0].name).toBe('Annual Boiler Service');
    expect(await app.run('find_product', { productId: 'nosuchproduct' })).toEqual([]);
    expect((await app.run('product_list'))[0]).toMatchObject({ id: product.id, name: 'Annual Boiler Service · SERVICE' });
  });
});
