import { sandboxApp } from './support';

// End to end: invoices and estimates through the Zapier runtime against the sandbox.

const app = sandboxApp();
type Item = Record<string, any>;

describe('invoices and estimates in the sandbox', () => {
  it('create → New Invoice → send → find → partial payment → payment → void refused; text2pay; dropdown', async () => {
    const [contact] = await app.run('contact_list');
    const [user] = await app.run('user_list');
    const before: Item[] = await app.run('new_invoice');

    // Zapier line items arrive as strings.
    const invoice = await app.run('create_invoice', {
      contactId: contact.id,
      name: 'Water heater install',
      currency: 'usd',
      items: [
        { itemName: 'Water heater', itemAmount: '1000', itemQty: '1' },
        { itemName: 'Labour hour', itemAmount: '100', itemQty: '2', itemDescription: '' },
      ],
      dueDate: '2099-01-31',
    });
    expect(invoice).toMatchObject({ status: 'draft', currency: 'USD', total: 1200, amountDue: 1200, contactDetails: { id: contact.id } });
    expect(invoice.id).toBe(invoice._id);

    const after: Item[] = await app.run('new_invoice');
    expect(after[0].id).toBe(invoice.id);
    expect(before.map((i) => i.id)).not.toContain(invoice.id);

    const sent = await app.run('send_invoice', { invoiceId: invoice.id, action: 'email', userId: user.id });
    expect(sent).toMatchObject({ id: invoice.id, status: 'sent' });

    expect((await app.run('find_invoice', { invoiceId: invoice.id })).map((i: Item) => i.id)).toEqual([invoice.id]);
    expect((await app.run('find_invoice', { contactId: contact.id, status: 'sent' })).map((i: Item) => i.id)).toEqual([invoice.id]);
    expect(await app.run('find_invoice', { invoiceId: 'nosuchinvoice' })).toEqual([]);

    const partly = await app.run('record_invoice_payment', { invoiceId: invoice.id, mode: 'cash', amount: '200', notes: 'Deposit' });
    expect(partly).toMatchObject({ status: 'partially_paid', amountPaid: 200, amountDue: 1000 });
    const paid = await app.run('record_invoice_payment', { invoiceId: invoice.id, mode: 'card', cardBrand: 'Visa', cardLast4: '4242' });
    expect(paid).toMatchObject({ status: 'paid', amountDue: 0 });
    await expect(app.run('void_invoice', { invoiceId: invoice.id })).rejects.toThrow(/cannot be voided/);

    const quick = await app.run('create_and_send_invoice', {
      contactId: contact.id,
      name: 'Drain cleaning',
      currency: 'USD',
      items: [{ name: 'Drain cleaning', amount: '150' }],
      userId: user.id,
    });
    expect(quick).toMatchObject({ status: 'sent', total: 150, invoiceUrl: expect.stringMatching(/^https:\/\//) });
    expect(await app.run('void_invoice', { invoiceId: quick.id })).toMatchObject({ id: quick.id, status: 'void' });

    const choices: Item[] = await app.run('invoice_list');
    expect(choices[0]).toMatchObject({ id: quick.id, name: expect.stringContaining('Drain cleaning') });
  });

  it('estimate: create → list → send → invoice from it (once)', async () => {
    const [contact] = await app.run('contact_list');
    const [user] = await app.run('user_list');
    const estimate = await app.run('create_estimate', {
      contactId: contact.id,
      name: 'Bathroom remodel',
      currency: 'EUR',
      items: [{ name: 'Remodel', amount: '8400' }],
      discountType: 'percentage',
      discountValue: '10',
      expiryDate: '2099-04-30',
    });
    expect(estimate).toMatchObject({ estimateStatus: 'draft', total: 7560, currency: 'EUR' });
    expect((await app.run('estimate_list'))[0]).toMatchObject({ id: estimate.id, name: expect.stringContaining('Bathroom remodel') });
    expect(await app.run('send_estimate', { estimateId: estimate.id, action: 'sms_and_email', userId: user.id })).toMatchObject({
      estimateStatus: 'sent',
    });
    const invoice = await app.run('create_invoice_from_estimate', { estimateId: estimate.id });
    expect(invoice).toMatchObject({ estimateId: estimate.id, status: 'draft', total: 7560, currency: 'EUR' });
    await expect(app.run('create_invoice_from_estimate', { estimateId: estimate.id })).rejects.toThrow(/already invoiced/);
  });
});
