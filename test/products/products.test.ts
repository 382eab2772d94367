import * as creates from '../../creates/products';
import { AUTH, highlevel, run } from '../support/highlevel';

describe('Create Price', () => {
  it('a recurring price needs its interval; a one-time price takes none (before any request)', async () => {
    await expect(
      run(creates.createPrice, { productId: 'p1', name: 'Monthly', type: 'recurring', amount: '10', currency: 'USD' }),
    ).rejects.toThrow(/Billing Interval \(interval\)/);
    await expect(
      run(creates.createPrice, { productId: 'p1', name: 'Once', type: 'one_time', amount: '10', currency: 'USD', interval: 'month' }),
    ).rejects.toThrow(/for recurring prices/);
    await expect(
      run(creates.createPrice, { productId: 'p1', name: 'Once', type: 'one_time', amount: '-1', currency: 'USD' }),
    ).rejects.toThrow(/Amount \(amount\) must not be negative/);
  });

  it('sends the recurring schedule and the location', async () => {
    const scope = highlevel()
      .post('/products/p1/price', {
        locationId: AUTH.locationId,
        name: 'Quarterly',
        type: 'recurring',
        amount: 30,
        currency: 'USD',
        recurring: { interval: 'month', intervalCount: 3 },
      })
      .reply(201, { _id: 'pr1', name: 'Quarterly', type: 'recurring', currency: 'USD', amount: 30 });
    expect(
      await run(creates.createPrice, {
        productId: 'p1',
        name: 'Quarterly',
        type: 'recurring',
        amount: '30',
        currency: 'USD',
        interval: 'month',
        intervalCount: '3',
      }),
    ).toMatchObject({ id: 'pr1' });
    scope.done();
  });
});

describe('Update Product', () => {
  it('with name and type filled sends one request', async () => {
    const scope = highlevel().put('/products/p1', { locationId: AUTH.locationId, name: 'Boiler', productType: 'PHYSICAL' }).reply(200, {
      _id: 'p1',
      locationId: AUTH.locationId,
      name: 'Boiler',
      productType: 'PHYSICAL',
      createdAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-03-02T00:00:00.000Z',
    });
    expect((await run(creates.updateProduct, { productId: 'p1', name: 'Boiler', productType: 'PHYSICAL' })).id).toBe('p1');
    scope.done();
  });
});
