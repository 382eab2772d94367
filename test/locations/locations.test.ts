import nock from 'nock';
import { clearLocationTokenCache } from '../../src/connection';
import { customFieldSample } from '../../src/fields/customField';
import { locationSample } from '../../src/fields/location';
import { AUTH, appTester, highlevel, operation, run } from '../support/highlevel';

const AGENCY = { access_token: 'agency-at-secret-0987654321', userType: 'Company', companyId: 'cmp_8XyQ1z' };

beforeEach(() => {
  clearLocationTokenCache();
  (appTester as any).zcacheTestObj = {};
});

describe('Find Location', () => {
  it('reads the connected location by default on a sub-account connection', async () => {
    const scope = highlevel()
      .get(`/locations/${AUTH.locationId}`)
      .matchHeader('version', '2021-07-28')
      .reply(200, { location: { ...locationSample, id: AUTH.locationId } });
    expect(await run(operation('find_location'))).toEqual([expect.objectContaining({ id: AUTH.locationId, timezone: 'America/Chicago' })]);
    scope.done();
  });

  it('a 404 is no result', async () => {
    highlevel().get('/locations/nope').reply(404, { message: 'Location not found' });
    expect(await run(operation('find_location'), { locationId: 'nope' })).toEqual([]);
  });

  it('on an agency connection reads the chosen location with its location token', async () => {
    highlevel()
      .post('/oauth/locationToken', { companyId: AGENCY.companyId, locationId: 'loc_2' })
      .reply(200, { access_token: 'loc-token-secret-2', expires_in: 86399, userId: 'u1' });
    const scope = highlevel()
      .get('/locations/loc_2')
      .matchHeader('authorization', 'Bearer loc-token-secret-2')
      .reply(200, { location: { ...locationSample, id: 'loc_2' } });
    expect(await run(operation('find_location'), { locationId: 'loc_2' }, { authData: AGENCY })).toEqual([
      expect.objectContaining({ id: 'loc_2' }),
    ]);
    scope.done();
  });
});

describe('the Location dropdown', () => {
  it('lists the agency locations page by page on an agency connection', async () => {
    const scope = highlevel()
      .get('/locations/search')
      .query({ companyId: AGENCY.companyId, order: 'asc', skip: '50', limit: '50' })
      .matchHeader('authorization', `Bearer ${AGENCY.access_token}`)
      .reply(200, { locations: [{ ...locationSample, id: 'l51', name: 'Branch 51' }] });
    const results = await run(operation('location_list'), {}, { authData: AGENCY, meta: { page: 1 } });
    expect(results).toEqual([expect.objectContaining({ id: 'l51', name: 'Branch 51' })]);
    scope.done();
  });

  it('offers the connected location on a sub-account connection (the search needs an agency token)', async () => {
    highlevel()
      .get(`/locations/${AUTH.locationId}`)
      .reply(200, { location: { ...locationSample, id: AUTH.locationId } });
    expect(await run(operation('location_list'))).toEqual([expect.objectContaining({ id: AUTH.locationId, name: locationSample.name })]);
    expect(await run(operation('location_list'), {}, { meta: { page: 1 } })).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('custom fields', () => {
  const fields = [
    { ...customFieldSample, id: 'cf1', name: 'Water Heater Age', fieldKey: 'contact.water_heater_age' },
    { ...customFieldSample, id: 'cf2', name: 'Water Heater Age Estimate', fieldKey: 'contact.water_heater_age_estimate' },
    { ...customFieldSample, id: 'cf3', name: 'Deal Source', fieldKey: 'opportunity.deal_source', model: 'opportunity' },
  ];

  it('Find Custom Field prefers an exact name or key match over a partial one', async () => {
    const scope = highlevel()
      .get(`/locations/${AUTH.locationId}/customFields`)
      .query({ model: 'contact' })
      .reply(200, { customFields: fields });
    expect((await run(operation('find_custom_field'), { name: 'water heater age', model: 'contact' })).map((f: any) => f.id)).toEqual([
      'cf1',
    ]);
    scope.done();
    highlevel().get(`/locations/${AUTH.locationId}/customFields`).query({ model: 'all' }).reply(200, { customFields: fields });
    expect((await run(operation('find_custom_field'), { name: 'estimate' })).map((f: any) => f.id)).toEqual(['cf2']);
  });

  it('Find Custom Field rejects an unknown object before any request', async () => {
    await expect(run(operation('find_custom_field'), { name: 'x', model: 'invoice' })).rejects.toThrow(/Object \(model\)/);
  });

  it('the custom field dropdown names fields with their object', async () => {
    highlevel().get(`/locations/${AUTH.locationId}/customFields`).query({ model: 'all' }).reply(200, { customFields: fields });
    const results = await run(operation('custom_field_list'));
    expect(results.map((f: any) => f.name)).toEqual([
      'Water Heater Age (contact)',
      'Water Heater Age Estimate (contact)',
      'Deal Source (opportunity)',
    ]);
  });
});

describe('custom field actions', () => {
  const base = `/locations/${AUTH.locationId}/customFields`;

  it('Find Custom Field by ID reads the field; a 404 is no result', async () => {
    highlevel()
      .get(`${base}/cf1`)
      .reply(200, { customField: { ...customFieldSample, id: 'cf1' } });
    expect(await run(operation('find_custom_field'), { customFieldId: 'cf1' })).toEqual([expect.objectContaining({ id: 'cf1' })]);
    highlevel().get(`${base}/gone`).reply(404, { message: 'Custom field not found' });
    expect(await run(operation('find_custom_field'), { customFieldId: 'gone' })).toEqual([]);
    await expect(run(operation('find_custom_field'), {})).rejects.toThrow(
      /fill in one of Custom Field ID \(customFieldId\) or Name \(name\)/,
    );
  });

  it('Create Custom Field posts name, type and object', async () => {
    const scope = highlevel()
      .post(base, { name: 'Water Heater Age', dataType: 'NUMERICAL', model: 'contact' })
      .reply(201, { customField: { ...customFieldSample, id: 'cf7' } });
    expect(
      await run(operation('create_custom_field'), { name: 'Water Heater Age', dataType: 'NUMERICAL', model: 'contact' }),
    ).toMatchObject({ id: 'cf7' });
    scope.done();
    await expect(run(operation('create_custom_field'), { name: 'Pick', dataType: 'SINGLE_OPTIONS' })).rejects.toThrow(
      /Data Type \(dataType\)/,
    );
  });

  it('Update Custom Field puts the new name to the field', async () => {
    const scope = highlevel()
      .put(`${base}/cf1`, { name: 'Heater Age', placeholder: 'Years' })
      .reply(200, { customField: { ...customFieldSample, id: 'cf1', name: 'Heater Age' } });
    expect(await run(operation('update_custom_field'), { customFieldId: 'cf1', name: 'Heater Age', placeholder: 'Years' })).toMatchObject({
      id: 'cf1',
      name: 'Heater Age',
    });
    scope.done();
  });

  it('Delete Custom Field deletes it', async () => {
    const scope = highlevel().delete(`${base}/cf1`).reply(200, { succeded: true });
    expect(await run(operation('delete_custom_field'), { customFieldId: 'cf1' })).toEqual({ id: 'cf1', deleted: true });
    scope.done();
  });
});

describe('custom field folders', () => {
  const folder = { id: 'fo1', objectKey: 'custom_objects.properties', locationId: AUTH.locationId, name: 'Inspection Details' };

  it("the folder dropdown lists a custom object's folders", async () => {
    const scope = highlevel()
      .get('/custom-fields/object-key/custom_objects.properties')
      .query({ locationId: AUTH.locationId })
      .reply(200, { fields: [], folders: [folder] });
    expect(await run(operation('custom_field_folder_list'), { objectKey: 'custom_objects.properties' })).toEqual([
      expect.objectContaining({ id: 'fo1', name: 'Inspection Details' }),
    ]);
    scope.done();
    await expect(run(operation('custom_field_folder_list'), { objectKey: 'not a key!' })).rejects.toThrow(
      /Custom Object Key \(objectKey\)/,
    );
  });

  it('Create Custom Field Folder posts the object key, name and location', async () => {
    const scope = highlevel()
      .post('/custom-fields/folder', { locationId: AUTH.locationId, objectKey: 'custom_objects.properties', name: 'Inspection Details' })
      .reply(201, folder);
    expect(
      await run(operation('create_custom_field_folder'), { objectKey: 'custom_objects.properties', name: 'Inspection Details' }),
    ).toEqual(folder);
    scope.done();
  });

  it('Rename Custom Field Folder puts the new name with the location', async () => {
    const scope = highlevel()
      .put('/custom-fields/folder/fo1', { locationId: AUTH.locationId, name: 'Inspections' })
      .reply(200, { ...folder, name: 'Inspections' });
    expect(await run(operation('update_custom_field_folder'), { folderId: 'fo1', name: 'Inspections' })).toMatchObject({
      id: 'fo1',
      name: 'Inspections',
    });
    scope.done();
  });

  it('Delete Custom Field Folder deletes it with the location', async () => {
    const scope = highlevel()
      .delete('/custom-fields/folder/fo1')
      .query({ locationId: AUTH.locationId })
      .reply(200, { succeded: true, id: 'fo1', key: 'custom_objects.properties.inspections' });
    expect(await run(operation('delete_custom_field_folder'), { folderId: 'fo1' })).toMatchObject({ id: 'fo1', deleted: true });
    scope.done();
  });
});
