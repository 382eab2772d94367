import * as creates from '../../creates/businesses';
import * as searches from '../../searches/businesses';
import * as triggers from '../../triggers/businesses';
import { businessSample } from '../../src/fields/business';
import { AUTH, highlevel, run } from '../support/highlevel';

const business = (id: string, createdAt: string, extra: Record<string, unknown> = {}) => ({ ...businessSample, id, createdAt, ...extra });
const page = (skip: number, limit = 100) => ({ locationId: AUTH.locationId, limit: String(limit), skip: String(skip) });

describe('New Business trigger', () => {
  it('reads every page and puts the newest business first (HighLevel cannot sort)', async () => {
    const first = Array.from({ length: 100 }, (_, i) =>
      business(`b${i}`, `2026-01-${String((i % 28) + 1).padStart(2, '0')}T10:00:00.000Z`),
    );
    const scope = highlevel()
      .get('/businesses/')
      .query(page(0))
      .reply(200, { businesses: first })
      .get('/businesses/')
      .query(page(100))
      .reply(200, { businesses: [business('newest', '2026-03-09T08:00:00.000Z')] });
    const results = await run(triggers.newBusinessTrigger);
    expect(results).toHaveLength(101);
    expect(results[0].id).toBe('newest');
    scope.done();
  });

  it('business_list pages with skip and limit', async () => {
    highlevel()
      .get('/businesses/')
      .query(page(50, 50))
      .reply(200, { businesses: [business('b7', '2026-01-01T10:00:00.000Z')] });
    const choices = await run(triggers.businessDropdown, {}, { meta: { page: 1 } });
    expect(choices).toEqual([expect.objectContaining({ id: 'b7', name: 'Delgado Plumbing, Dolomite' })]);
  });
});

describe('Find Business', () => {
  it('by ID reads the record; a 404 is no result', async () => {
    highlevel()
      .get('/businesses/b1')
      .reply(200, { business: business('b1', '2026-01-01T10:00:00.000Z') });
    expect((await run(searches.findBusiness, { businessId: 'b1' })).map((b: any) => b.id)).toEqual(['b1']);
    highlevel().get('/businesses/gone').reply(404, { statusCode: 404, message: 'Business not found' });
    expect(await run(searches.findBusiness, { businessId: 'gone' })).toEqual([]);
  });

  it('by name matches case-insensitively over the listed businesses', async () => {
    highlevel()
      .get('/businesses/')
      .query(page(0))
      .reply(200, {
        businesses: [
          business('b1', '2026-01-01T10:00:00.000Z', { name: 'Delgado Plumbing' }),
          business('b2', '2026-01-02T10:00:00.000Z', { name: 'Rivera Electric' }),
        ],
      });
    expect((await run(searches.findBusiness, { name: 'delgado plumbing' })).map((b: any) => b.id)).toEqual(['b1']);
  });

  it('needs an ID or a name', async () => {
    await expect(run(searches.findBusiness, {})).rejects.toThrow(/fill in one of Business ID \(businessId\) or Business Name \(name\)/);
  });
});

describe('business actions', () => {
  it('Create Business sends the location and the filled fields, and returns the business', async () => {
    highlevel()
      .post('/businesses/', {
        locationId: AUTH.locationId,
        name: 'Delgado Plumbing',
        city: 'Dolomite',
        email: 'office@delgado.example.com',
      })
      .reply(201, { success: true, buiseness: business('b9', '2026-03-09T08:00:00.000Z') });
    const result = await run(creates.createBusiness, {
      name: 'Delgado Plumbing',
      city: 'Dolomite',
      email: 'office@delgado.example.com',
      phone: '',
    });
    expect(result).toMatchObject({ id: 'b9', name: 'Delgado Plumbing' });
  });

  it('Create Business rejects a bad email before any request', async () => {
    await expect(run(creates.createBusiness, { name: 'Delgado Plumbing', email: 'office at delgado' })).rejects.toThrow(/Email \(email\)/);
  });

  it('Update Business puts only the filled fields', async () => {
    highlevel()
      .put('/businesses/b1', { website: 'delgado.example.com' })
      .reply(200, { success: true, buiseness: business('b1', '2026-01-01T10:00:00.000Z') });
    expect((await run(creates.updateBusiness, { businessId: 'b1', website: 'delgado.example.com' })).id).toBe('b1');
  });

  it('Delete Business returns the deleted ID', async () => {
    highlevel().delete('/businesses/b1').reply(200, { success: true });
    expect(await run(creates.deleteBusiness, { businessId: 'b1' })).toEqual({ id: 'b1', deleted: true });
  });

  it('Delete Business fails when HighLevel answers success: false, and reports deleted on a 2xx without a flag', async () => {
    highlevel().delete('/businesses/b1').reply(200, { success: false });
    await expect(run(creates.deleteBusiness, { businessId: 'b1' })).rejects.toThrow(/HighLevel did not delete the business b1/);
    highlevel().delete('/businesses/b2').reply(200, {});
    expect(await run(creates.deleteBusiness, { businessId: 'b2' })).toEqual({ id: 'b2', deleted: true });
  });
});
