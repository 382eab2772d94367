// What the zap-editor fixes changed in the output itself (test/editor.test.ts checks the editor's view): Find
// Order by ID outputs the keys the order list gives, the record dropdown shows the object's display property.
import * as searches from '../searches/payments';
import * as triggers from '../triggers/objects';
import { orderDetailSample } from '../src/fields/payment';
import { searchedRecordSample } from '../src/fields/object';
import { AUTH, highlevel, run } from './support/highlevel';

describe('Find Order by ID', () => {
  it("outputs the contact's name and email and the source as the order list does", async () => {
    const { id: _id, ...order } = orderDetailSample;
    const scope = highlevel()
      .get(`/payments/orders/${orderDetailSample.id}`)
      .query(true)
      .reply(200, {
        ...order,
        contactSnapshot: { first_name: 'Rosa', last_name: 'Delgado', email: 'rosa@example.com', first_name_lower_case: 'rosa' },
      });
    const [found] = await run(searches.findOrder, { orderId: orderDetailSample.id });
    expect(found).toMatchObject({
      contactName: 'Rosa Delgado',
      contactEmail: 'rosa@example.com',
      sourceType: 'funnel',
      sourceName: 'Boiler Service Checkout',
    });
    expect(found.contactSnapshot).toBeUndefined(); // its lower-case copies are HighLevel's internals
    scope.done();
  });

  it('adds nothing the order does not carry', () => {
    expect(searches.flatOrder({ id: 'o1', source: {} })).toEqual({ id: 'o1', source: {} });
  });
});

describe('Custom object record dropdown', () => {
  const record = (id: string, properties: Record<string, unknown>) => ({ ...searchedRecordSample, id, properties });

  it("labels records by the object's primary display property, else their first text property", async () => {
    const scope = highlevel()
      .post('/objects/custom_objects.pet/records/search')
      .reply(200, { records: [record('r1', { breed: 'Beagle', name: 'Buddy' }), record('r2', { breed: 'Collie' })], total: 2 })
      .get('/objects/custom_objects.pet')
      .query({ locationId: AUTH.locationId })
      .reply(200, { object: { key: 'custom_objects.pet', primaryDisplayProperty: 'custom_objects.pet.name' } });
    const items = await run(triggers.objectRecordDropdown, { objectKey: 'custom_objects.pet' });
    expect(items.map((r: any) => r.name)).toEqual(['Buddy', 'Collie']);
    scope.done();
  });

  it('still lists the records when the object cannot be read', async () => {
    const scope = highlevel()
      .post('/objects/custom_objects.pet/records/search')
      .reply(200, { records: [record('r1', { breed: 'Beagle', name: 'Buddy' })], total: 1 })
      .get('/objects/custom_objects.pet')
      .query(true)
      .reply(404, { statusCode: 404, message: 'Not found' });
    expect((await run(triggers.objectRecordDropdown, { objectKey: 'custom_objects.pet' })).map((r: any) => r.name)).toEqual(['Beagle']);
    scope.done();
  });
});
