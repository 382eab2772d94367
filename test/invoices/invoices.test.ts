import nock from 'nock';
import * as creates from '../../creates/invoices';
import * as searches from '../../searches/invoices';
import * as triggers from '../../triggers/invoices';
import { contactSample } from '../../src/fields/contact';
import { invoiceSample } from '../../src/fields/invoice';
import { AUTH, highlevel, run } from '../support/highlevel';

const { id: _id, ...invoice } = invoiceSample;
const alt = { altId: AUTH.locationId, altType: 'location' };
const items = [{ name: 'Water heater', amount: '1200' }];

afterEach(() => nock.cleanAll());

describe('Create Invoice', () => {
  it("copies the contact's details, sends items in the invoice currency and the location as altId", async () => {
    highlevel().get(`/contacts/${contactSample.id}`).reply(200, { contact: contactSample });
    const scope = highlevel()
      .post('/invoices/', (body) => {
        expect(body).toMatchObject({
          ...alt,
          name: 'Install',
          currency: 'EUR',
          items: [{ name: 'Water heater', amount: 1200, qty: 1, currency: 'EUR' }],
          discount: { type: 'percentage', value: 0 },
          contactDetails: {
            id: contactSample.id,
            name: 'Rosa Delgado',
            email: contactSample.email,
            phoneNo: contactSample.phone,
            address: { city: 'Dolomite', countryCode: 'US' },
          },
          sentTo: { email: [contactSample.email], phoneNo: [contactSample.phone] },
          liveMode: true,
          dueDate: '2099-01-31',
        });
        expect(body.issueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        return true;
      })
      .reply(200, invoice);
    const result = await run(creates.createInvoice, {
      contactId: contactSample.id,
      name: 'Install',
      currency: 'eur',
      items,
      dueDate: '2099-01-31',
    });
    expect(result.id).toBe(invoice._id);
    scope.done();
  });

  it('rejects bad line items, a bad currency and a due date before the issue date, before any request', async () => {
    const base = { contactId: contactSample.id, name: 'Install', currency: 'USD' };
    await expect(run(creates.createInvoice, { ...base, items: [{ name: 'No price' }] })).rejects.toThrow(/Line Items \(items\)/);
    await expect(run(creates.createInvoice, { ...base, items: [{ name: 'Refund', amount: '-5' }] })).rejects.toThrow(
      /Line Items \(items\) must not be negative/,
    );
    await expect(run(creates.createInvoice, { ...base, items: [] })).rejects.toThrow(/Line Items \(items\) is required/);
    await expect(run(creates.createInvoice, { ...base, items, currency: 'dollars' })).rejects.toThrow(
      /Currency \(currency\) must be a three-letter currency code/,
    );
    await expect(run(creates.createInvoice, { ...base, items, issueDate: '2026-03-10', dueDate: '2026-03-01' })).rejects.toThrow(
      /Due Date \(dueDate\) is before the Issue Date/,
    );
  });

  it("a contact that does not exist fails with HighLevel's 404", async () => {
    highlevel().get('/contacts/gone').reply(404, { statusCode: 404, message: 'Contact not found' });
    await expect(run(creates.createInvoice, { contactId: 'gone', name: 'Install', currency: 'USD', items })).rejects.toThrow(
      /could not find that record \(404\): Contact not found/,
    );
  });
});

describe('Create and Send Invoice', () => {
  it('refuses a contact with neither email nor phone, before creating anything', async () => {
    highlevel()
      .get(`/contacts/${contactSample.id}`)
      .reply(200, { contact: { ...contactSample, email: undefined, phone: undefined } });
    await expect(
      run(creates.createAndSendInvoice, { contactId: contactSample.id, name: 'x', currency: 'USD', items, userId: 'u1' }),
    ).rejects.toThrow(/no email address or phone number/);
  });
});

describe('Record Manual Payment', () => {
  it('a card payment needs the card; a cheque its number (before any request)', async () => {
    await expect(run(creates.recordInvoicePayment, { invoiceId: 'i1', mode: 'card' })).rejects.toThrow(/Card Brand/);
    await expect(run(creates.recordInvoicePayment, { invoiceId: 'i1', mode: 'cheque' })).rejects.toThrow(/Cheque Number/);
    await expect(run(creates.recordInvoicePayment, { invoiceId: 'i1', mode: 'card', cardBrand: 'Visa', cardLast4: '42' })).rejects.toThrow(
      /Card Last 4 Digits \(cardLast4\)/,
    );
  });

  it('sends the empty card and cheque the DTO requires for a cash payment', async () => {
    highlevel()
      .post('/invoices/i1/record-payment', {
        ...alt,
        mode: 'cash',
        card: { brand: '', last4: '' },
        cheque: { number: '' },
        notes: '',
        amount: 50,
      })
      .reply(200, { success: true, invoice: { ...invoice, status: 'partially_paid' } });
    expect(await run(creates.recordInvoicePayment, { invoiceId: 'i1', mode: 'cash', amount: '50' })).toMatchObject({
      status: 'partially_paid',
    });
  });
});

describe('New Invoice and Find Invoice', () => {
  it('New Invoice is one request, sorted by issue date on HighLevel and by creation in the app', async () => {
    const scope = highlevel()
      .get('/invoices/')
      .query({ ...alt, limit: '100', offset: '0', sortField: 'issueDate', sortOrder: 'descend' })
      .reply(200, {
        invoices: [
          { ...invoice, _id: 'old', createdAt: '2026-03-01T00:00:00.000Z' },
          { ...invoice, _id: 'new', createdAt: '2026-03-09T00:00:00.000Z' },
        ],
        total: 2,
      });
    expect((await run(triggers.newInvoice)).map((i: any) => i.id)).toEqual(['new', 'old']);
    scope.done();
  });

  it('Find Invoice needs something to look for', async () => {
    await expect(run(searches.findInvoice, {})).rejects.toThrow(/Invoice ID, Search Text, Contact or Status/);
  });
});
