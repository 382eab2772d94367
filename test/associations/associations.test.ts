import { associationSample, relationSample } from '../../src/fields/association';
import { AUTH, highlevel, operation, run } from '../support/highlevel';

const V = '2021-07-28';

describe('association dropdowns', () => {
  it('lists associations page by page (a bare array or under "associations")', async () => {
    const scope = highlevel()
      .get('/associations/')
      .query({ locationId: AUTH.locationId, skip: '50', limit: '50' })
      .matchHeader('version', V)
      .reply(200, { associations: [associationSample], total: 51 });
    expect(await run(operation('association_list'), {}, { meta: { page: 1 } })).toEqual([
      expect.objectContaining({ id: associationSample.id, name: 'homeowner_property (contact ↔ custom_objects.properties)' }),
    ]);
    scope.done();
    highlevel().get('/associations/').query(true).reply(200, [associationSample]);
    expect(await run(operation('association_list'))).toHaveLength(1);
  });

  it("lists a record's relations", async () => {
    highlevel()
      .get('/associations/relations/c1')
      .query({ locationId: AUTH.locationId, skip: '0', limit: '50' })
      .reply(200, { relations: [relationSample], total: 1 });
    expect(await run(operation('relation_list'), { recordId: 'c1' })).toEqual([expect.objectContaining({ id: relationSample.id })]);
  });
});

describe('Find Association', () => {
  it('by ID; a 404 is no result', async () => {
    highlevel()
      .get('/associations/a1')
      .matchHeader('version', V)
      .reply(200, { ...associationSample, id: 'a1' });
    expect(await run(operation('find_association'), { associationId: 'a1' })).toEqual([expect.objectContaining({ id: 'a1' })]);
    highlevel().get('/associations/a404').reply(404, { message: 'Association not found' });
    expect(await run(operation('find_association'), { associationId: 'a404' })).toEqual([]);
  });

  it('by key, with the location', async () => {
    const scope = highlevel()
      .get('/associations/key/homeowner_property')
      .query({ locationId: AUTH.locationId })
      .reply(200, associationSample);
    expect(await run(operation('find_association'), { key: 'homeowner_property' })).toEqual([
      expect.objectContaining({ key: 'homeowner_property' }),
    ]);
    scope.done();
  });

  it('by object key: every association of the object', async () => {
    highlevel()
      .get('/associations/objectKey/contact')
      .query({ locationId: AUTH.locationId })
      .reply(200, [associationSample, { ...associationSample, id: 'a2' }]);
    expect((await run(operation('find_association'), { objectKey: 'contact' })).map((a: any) => a.id)).toEqual([
      associationSample.id,
      'a2',
    ]);
  });

  it('without any input fails before any request', async () => {
    await expect(run(operation('find_association'))).rejects.toThrow(/fill in one of Association ID/);
  });
});

describe('Find Relations of Record', () => {
  it('reads the relations, optionally under one association', async () => {
    const scope = highlevel()
      .get('/associations/relations/c1')
      .query({ locationId: AUTH.locationId, skip: '0', limit: '100', associationIds: 'a1' })
      .reply(200, { relations: [relationSample], total: 1 });
    expect(await run(operation('find_relations'), { recordId: 'c1', associationId: 'a1' })).toEqual([
      expect.objectContaining({ id: relationSample.id }),
    ]);
    scope.done();
  });
});

describe('association actions', () => {
  it('Create Association posts the key, object keys and labels', async () => {
    const body = {
      locationId: AUTH.locationId,
      key: 'homeowner_property',
      firstObjectKey: 'contact',
      firstObjectLabel: 'Homeowner',
      secondObjectKey: 'custom_objects.properties',
      secondObjectLabel: 'Property',
    };
    const scope = highlevel().post('/associations/', body).reply(201, associationSample);
    const { locationId: _l, ...input } = body;
    expect(await run(operation('create_association'), input)).toMatchObject({ id: associationSample.id });
    scope.done();
    await expect(run(operation('create_association'), { ...input, key: 'has spaces' })).rejects.toThrow(/Key \(key\)/);
  });

  it('Update Association puts the new labels', async () => {
    const scope = highlevel()
      .put('/associations/a1', { firstObjectLabel: 'Owner', secondObjectLabel: 'Home' })
      .reply(200, { ...associationSample, id: 'a1' });
    expect(
      await run(operation('update_association'), { associationId: 'a1', firstObjectLabel: 'Owner', secondObjectLabel: 'Home' }),
    ).toMatchObject({ id: 'a1' });
    scope.done();
  });

  it('Delete Association deletes it and reports it', async () => {
    const scope = highlevel()
      .delete('/associations/a1')
      .reply(200, { deleted: true, id: 'a1', message: 'Association deleted successfully' });
    expect(await run(operation('delete_association'), { associationId: 'a1' })).toEqual({
      deleted: true,
      id: 'a1',
      message: 'Association deleted successfully',
    });
    scope.done();
  });

  it('Create Relation links two records under the association', async () => {
    const scope = highlevel()
      .post('/associations/relations', { locationId: AUTH.locationId, associationId: 'a1', firstRecordId: 'c1', secondRecordId: 'r1' })
      .reply(201, { ...relationSample, associationId: 'a1', firstRecordId: 'c1', secondRecordId: 'r1' });
    expect(await run(operation('create_relation'), { associationId: 'a1', firstRecordId: 'c1', secondRecordId: 'r1' })).toMatchObject({
      id: relationSample.id,
      firstRecordId: 'c1',
    });
    scope.done();
  });

  it('Delete Relation deletes by relation ID with the location', async () => {
    const scope = highlevel()
      .delete('/associations/relations/rel1')
      .query({ locationId: AUTH.locationId })
      .reply(200, { ...relationSample, id: 'rel1' });
    expect(await run(operation('delete_relation'), { relationId: 'rel1' })).toMatchObject({ id: 'rel1', deleted: true });
    scope.done();
    await expect(run(operation('delete_relation'), {})).rejects.toThrow(/Relation \(relationId\) is required/);
  });
});
