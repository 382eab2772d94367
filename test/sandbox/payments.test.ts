import { placeOrder } from '../../sandbox/routes/payments';
import { sandboxApp } from './support';

// End to end: orders, transactions and subscriptions through the Zapier runtime against the sandbox.

const app = sandboxApp();
type Item = Record<string, any>;

describe('payments in the sandbox', () => {
  it('a burst of 130 orders is read to its end; transactions and subscriptions trigger; finds', async () => {
    const [contact] = await app.run('contact_list');
    // The seeded order is 5 days old: outside the poll window.
    expect(await app.run('new_order')).toEqual([]);
    // The zap of each trigger is on before the burst (Zapier's first poll only fills its dedupe store).
    await app.run('new_transaction');
    await app.run('new_subscription');
    const burst = Array.from({ length: 130 }, (_, i) =>
      placeOrder(app.sandbox.state, { contactId: contact.id, contactName: `Buyer ${i}`, amount: 10 + i, recurring: i % 10 === 0 }),
    );
    const orders: Item[] = await app.run('new_order');
    expect(orders.map((o) => o.id).sort()).toEqual(burst.map((o) => o._id).sort());
    expect(orders[0].id).toBe(burst[129]._id); // newest first

    expect((await app.run('new_transaction')).length).toBe(130);
    const subs: Item[] = await app.run('new_subscription');
    expect(subs).toHaveLength(13);
    expect(subs[0]).toMatchObject({ status: 'active', contactId: contact.id });

    const [found] = await app.run('find_order', { orderId: burst[5]._id });
    expect(found).toMatchObject({ id: burst[5]._id, amount: 15, items: [expect.objectContaining({ name: 'Drain Cleaning' })] });
    expect(await app.run('find_order', { orderId: 'nosuchorder' })).toEqual([]);
    expect((await app.run('find_order', { search: 'Buyer 7' })).map((o: Item) => o.id)).toContain(burst[7]._id);
    const txns: Item[] = await app.run('find_transaction', { entityId: burst[3]._id });
    expect(txns.map((t) => t.entityId)).toEqual([burst[3]._id]);
    expect((await app.run('find_transaction', { transactionId: txns[0].id }))[0].amount).toBe(13);
    expect((await app.run('order_list'))[0].id).toBe(burst[129]._id);
  });

  it('record a partial then the rest of an unpaid order; fulfil it with tracking', async () => {
    const [contact] = await app.run('contact_list');
    const order = placeOrder(app.sandbox.state, { contactId: contact.id, contactName: 'Pay Later', amount: 300, paid: false });
    await expect(app.run('record_order_payment', { orderId: order._id, mode: 'cash', amount: '100' })).rejects.toThrow(/partial payment/);
    expect(
      await app.run('record_order_payment', { orderId: order._id, mode: 'cash', amount: '100', isPartialPayment: 'yes' }),
    ).toMatchObject({ orderId: order._id, success: true });
    expect(await app.run('record_order_payment', { orderId: order._id, mode: 'card', cardType: 'visa', cardLast4: '4242' })).toMatchObject({
      success: true,
    });
    await expect(app.run('record_order_payment', { orderId: order._id, mode: 'cash' })).rejects.toThrow(/already paid/);

    const shipped = await app.run('create_order_fulfillment', {
      orderId: order._id,
      trackingNumber: '40012345678',
      shippingCarrier: 'FedEx',
    });
    expect(shipped).toMatchObject({
      orderId: order._id,
      trackings: [{ trackingNumber: '40012345678', shippingCarrier: 'FedEx' }],
      items: [expect.objectContaining({ qty: 1 })],
    });
    expect((await app.run('find_order', { orderId: order._id }))[0].fulfillmentStatus).toBe('fulfilled');
  });
});
