import * as creates from '../../creates/payments';
import * as triggers from '../../triggers/payments';
import { pollWindow } from '../../src/api/forms';
import { orderSample } from '../../src/fields/payment';
import { AUTH, highlevel, run } from '../support/highlevel';

describe('payments triggers', () => {
  it('New Order: one request when the window has fewer than 100 orders (orders take altId, no altType)', async () => {
    const scope = highlevel()
      .get('/payments/orders')
      .query({ altId: AUTH.locationId, limit: '100', offset: '0', ...pollWindow(Date.now()) })
      .reply(200, { data: [{ ...orderSample, id: undefined, _id: 'o1' }], totalCount: 1 });
    expect((await run(triggers.newOrder)).map((o: any) => o.id)).toEqual(['o1']);
    scope.done();
  });

  it('New Transaction, after a quiet poll, pages on while pages are full and totalCount says more', async () => {
    const page = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({
        _id: `t${from + i}`,
        altId: AUTH.locationId,
        altType: 'location',
        status: 'succeeded',
        entitySourceType: 'funnel',
        createdAt: '2026-03-09T00:00:00.000Z',
        updatedAt: '2026-03-09T00:00:00.000Z',
        fulfilledAt: '2026-03-09T00:00:00.000Z',
      }));
    const q = { altId: AUTH.locationId, altType: 'location', limit: '100', ...pollWindow(Date.now()) };
    const zap = { meta: { zap: { id: 'pages-on' } } };
    highlevel()
      .get('/payments/transactions')
      .query({ ...q, offset: '0' })
      .reply(200, { data: [], totalCount: 0 });
    expect(await run(triggers.newTransaction, {}, zap)).toEqual([]);
    const scope = highlevel()
      .get('/payments/transactions')
      .query({ ...q, offset: '0' })
      .reply(200, { data: page(100, 0), totalCount: 150 })
      .get('/payments/transactions')
      .query({ ...q, offset: '100' })
      .reply(200, { data: page(50, 100), totalCount: 150 });
    expect(await run(triggers.newTransaction, {}, zap)).toHaveLength(150);
    scope.done();
  });
});

describe('Record Order Payment', () => {
  it('checks card, cheque and partial amounts before any request', async () => {
    await expect(run(creates.recordOrderPayment, { orderId: 'o1', mode: 'card' })).rejects.toThrow(/Card Type \(cardType\)/);
    await expect(run(creates.recordOrderPayment, { orderId: 'o1', mode: 'cheque' })).rejects.toThrow(/Cheque Number/);
    await expect(run(creates.recordOrderPayment, { orderId: 'o1', mode: 'cash', isPartialPayment: 'true' })).rejects.toThrow(
      /partial payment needs its Amount/,
    );
    await expect(run(creates.recordOrderPayment, { orderId: 'o1', mode: 'cash', amount: '0' })).rejects.toThrow(
      /Amount \(amount\) must be more than 0/,
    );
  });
});

describe('Create Order Fulfillment', () => {
  it('an order without priced items fails clearly, without a fulfillment request', async () => {
    highlevel().get('/payments/orders/o1').query(true).reply(200, {
      _id: 'o1',
      altId: AUTH.locationId,
      altType: 'location',
      status: 'completed',
      createdAt: '2026-03-09T00:00:00.000Z',
      updatedAt: '2026-03-09T00:00:00.000Z',
      items: [],
    });
    await expect(run(creates.createOrderFulfillment, { orderId: 'o1' })).rejects.toThrow(/no items with a price on order o1/);
  });
});
