import { call, sandboxApp } from './support';

// End to end: agency operations (company, sub-accounts, snapshots) on an agency connection, an agency step acting
// for a sub-account through the location token exchange, and custom fields and folders on a sub-account connection.

const app = sandboxApp();
const agency = sandboxApp({ agency: true });
type Item = Record<string, any>;

describe('agency connection', () => {
  it('connects as the agency: Find Company reads the company the token belongs to', async () => {
    expect(agency.authData).toMatchObject({ userType: 'Company', companyId: agency.sandbox.state.companyId });
    expect(agency.authData.locationId).toBeUndefined();
    const [company] = await agency.run('find_company');
    expect(company).toMatchObject({ id: agency.sandbox.state.companyId, name: 'Sandbox Agency' });
  });

  it('create a sub-account → New Location fires with it first → it is in the location dropdown', async () => {
    const before: Item[] = await agency.run('new_location');
    expect(before.map((l) => l.id)).toEqual([agency.locationId]);
    const created = await agency.run('create_location', {
      name: 'Northside Plumbing',
      phone: '+15550100160',
      country: 'US',
      website: 'https://northside.example.com',
    });
    expect(created).toMatchObject({ name: 'Northside Plumbing', companyId: agency.sandbox.state.companyId });
    const after: Item[] = await agency.run('new_location');
    // Only the location added since the previous poll (it pages down to the previous poll's first page).
    expect(after.map((l) => l.id)).toEqual([created.id]);
    expect((await agency.run('location_list')).map((l: Item) => l.id)).toContain(created.id);
  });

  it('snapshots are listed and found by name', async () => {
    const all: Item[] = await agency.run('snapshot_list');
    expect(all.map((s) => s.name)).toEqual(['Plumbing Starter', 'HVAC Lead Funnel']);
    const found: Item[] = await agency.run('find_snapshot', { name: 'hvac lead funnel' });
    expect(found.map((s) => s.id)).toEqual([all[1].id]);
  });

  it('a sub-account step on the agency connection exchanges the agency token for a location token', async () => {
    const exchangesBefore = agency.sandbox.requests.filter((r) => r.route === '/oauth/locationToken').length;
    const field = await agency.run('create_custom_field', { locationId: agency.locationId, name: 'Agency Field', dataType: 'TEXT' });
    expect(field).toMatchObject({ name: 'Agency Field', locationId: agency.locationId, fieldKey: 'contact.agency_field' });
    expect(agency.sandbox.requests.filter((r) => r.route === '/oauth/locationToken').length).toBe(exchangesBefore + 1);
  });

  it('agency-only routes refuse a sub-account token, and the token exchange refuses another company', async () => {
    const token = app.token();
    const res = await call(app.sandbox, 'GET', `/companies/${app.sandbox.state.companyId}`, { token });
    expect(res.status).toBe(401);
    const agencyToken = agency.authData.access_token;
    const other = await call(agency.sandbox, 'POST', '/oauth/locationToken', {
      token: agencyToken,
      form: { companyId: 'someOtherCompany123', locationId: agency.locationId },
    });
    expect(other.status).toBe(403);
  });
});

describe('custom fields (sub-account connection)', () => {
  it('create → find by name and id → update → delete', async () => {
    const created = await app.run('create_custom_field', { name: 'Water Heater Age', dataType: 'NUMERICAL', placeholder: 'Years' });
    expect(created).toMatchObject({
      name: 'Water Heater Age',
      fieldKey: 'contact.water_heater_age',
      dataType: 'NUMERICAL',
      model: 'contact',
    });
    expect((await app.run('find_custom_field', { name: 'water heater age' })).map((f: Item) => f.id)).toEqual([created.id]);
    expect((await app.run('find_custom_field', { customFieldId: created.id }))[0]).toMatchObject({ id: created.id });

    const updated = await app.run('update_custom_field', { customFieldId: created.id, name: 'Heater Age', placeholder: 'In years' });
    expect(updated).toMatchObject({ id: created.id, name: 'Heater Age', placeholder: 'In years' });

    expect(await app.run('delete_custom_field', { customFieldId: created.id })).toMatchObject({ id: created.id });
    expect(app.sandbox.state.customFields.has(created.id)).toBe(false);
    expect(await app.run('find_custom_field', { customFieldId: created.id })).toEqual([]);
  });

  it('custom field folders: create → listed for the object → rename → delete', async () => {
    const objectKey = 'custom_objects.properties';
    const folder = await app.run('create_custom_field_folder', { objectKey, name: 'Inspection Details' });
    expect(folder).toMatchObject({ objectKey, name: 'Inspection Details', locationId: app.locationId });
    expect((await app.run('custom_field_folder_list', { objectKey })).map((f: Item) => f.id)).toEqual([folder.id]);
    expect(await app.run('custom_field_folder_list', { objectKey: 'custom_objects.pets' })).toEqual([]);

    expect(await app.run('update_custom_field_folder', { folderId: folder.id, name: 'Inspections' })).toMatchObject({
      id: folder.id,
      name: 'Inspections',
    });
    expect(await app.run('delete_custom_field_folder', { folderId: folder.id })).toMatchObject({ id: folder.id, deleted: true });
    expect(await app.run('custom_field_folder_list', { objectKey })).toEqual([]);
  });
});
