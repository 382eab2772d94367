import * as creates from '../../creates/customValues';
import * as searches from '../../searches/customValues';
import { customValueSample } from '../../src/fields/customValue';
import { AUTH, highlevel, run } from '../support/highlevel';

const path = `/locations/${AUTH.locationId}/customValues`;

describe('custom values', () => {
  it('Update Custom Value with a value only reads the name first (HighLevel needs both)', async () => {
    const scope = highlevel()
      .get(`${path}/cv1`)
      .reply(200, { customValue: { ...customValueSample, id: 'cv1' } })
      .put(`${path}/cv1`, { name: 'Booking Link', value: 'https://example.com/new' })
      .reply(200, { customValue: { ...customValueSample, id: 'cv1', value: 'https://example.com/new' } });
    expect(await run(creates.updateCustomValue, { customValueId: 'cv1', value: 'https://example.com/new' })).toMatchObject({
      id: 'cv1',
      value: 'https://example.com/new',
    });
    scope.done();
  });

  it('Update Custom Value with a name sends one request', async () => {
    const scope = highlevel()
      .put(`${path}/cv1`, { name: 'Promo', value: 'X' })
      .reply(200, { customValue: { ...customValueSample, id: 'cv1' } });
    await run(creates.updateCustomValue, { customValueId: 'cv1', value: 'X', name: 'Promo' });
    scope.done();
  });

  it('Create Custom Value needs a name and a value, before any request', async () => {
    await expect(run(creates.createCustomValue, { name: 'Promo' })).rejects.toThrow(/Value \(value\) is required/);
  });

  it('Find Custom Value: an exact name wins over names containing the text; by ID a 404 is no result', async () => {
    highlevel()
      .get(path)
      .reply(200, {
        customValues: [
          { ...customValueSample, id: 'a', name: 'Booking Link Old' },
          { ...customValueSample, id: 'b', name: 'Booking Link' },
        ],
      });
    expect((await run(searches.findCustomValue, { name: 'booking link' })).map((c: any) => c.id)).toEqual(['b']);
    highlevel().get(`${path}/gone`).reply(404, { message: 'Not found' });
    expect(await run(searches.findCustomValue, { customValueId: 'gone' })).toEqual([]);
    await expect(run(searches.findCustomValue, {})).rejects.toThrow(/Name or Merge Field, or Custom Value ID/);
  });
});

describe('tags', () => {
  it('Delete Tag fails when HighLevel says it did not delete', async () => {
    highlevel().delete(`/locations/${AUTH.locationId}/tags/t1`).reply(200, { succeded: false });
    await expect(run(creates.deleteTag, { tagId: 't1' })).rejects.toThrow(/did not delete the tag t1/);
  });
});
