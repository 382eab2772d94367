import { withReadableKeys } from '../../src/customFields';
import * as creates from '../../creates/opportunities';
import * as searches from '../../searches/opportunities';
import * as triggers from '../../triggers/opportunities';
import { opportunitySample, pipelineSample } from '../../src/fields/opportunity';
import { AUTH, highlevel, run } from '../support/highlevel';

// Records without custom field values: those make the step read the field names (tested on its own below).
const { customFields: _values, ...plain } = opportunitySample;
const opp = (id: string, extra: Record<string, unknown> = {}) => ({ ...plain, id, ...extra });
const searchReply = (...opportunities: object[]) => ({ opportunities, total: opportunities.length, aggregations: {} });

describe('opportunity triggers (one advanced search per poll, newest change first)', () => {
  it('New Opportunity sorts by date added and filters by the chosen pipeline', async () => {
    const scope = highlevel()
      .post('/opportunities/search', {
        locationId: AUTH.locationId,
        limit: 100,
        page: 1,
        sort: [{ field: 'date_added', direction: 'desc' }],
        filters: [{ field: 'pipeline_id', operator: 'eq', value: 'pipe1' }],
      })
      .matchHeader('version', '2021-07-28')
      .reply(200, searchReply(opp('o2'), opp('o1')));
    const results = await run(triggers.newOpportunityTrigger, { pipelineId: 'pipe1' });
    expect(results.map((o: any) => o.id)).toEqual(['o2', 'o1']);
    scope.done();
  });

  it('New Opportunity without a pipeline sends no filter', async () => {
    highlevel()
      .post('/opportunities/search', {
        locationId: AUTH.locationId,
        limit: 10,
        page: 1,
        sort: [{ field: 'date_added', direction: 'desc' }],
      })
      .reply(200, searchReply(opp('o1')));
    const results = await run(triggers.newOpportunityTrigger, { pipelineId: '' }, { meta: { isLoadingSample: true } });
    expect(results).toHaveLength(1);
  });

  it('Opportunity Stage Changed fires once per stage change (A→B→A fires again)', async () => {
    highlevel()
      .post('/opportunities/search', {
        locationId: AUTH.locationId,
        limit: 100,
        page: 1,
        sort: [{ field: 'last_stage_change_date', direction: 'desc' }],
        filters: [
          { field: 'pipeline_id', operator: 'eq', value: 'pipe1' },
          { field: 'pipeline_stage_id', operator: 'eq', value: 'stage-2' },
        ],
      })
      .reply(
        200,
        searchReply(
          opp('o1', { pipelineStageId: 'stage-2', lastStageChangeAt: '2026-03-05T10:00:00.000Z' }),
          opp('o2', { pipelineStageId: 'stage-2', lastStageChangeAt: '2026-03-04T10:00:00.000Z' }),
        ),
      );
    const results = await run(triggers.opportunityStageChangedTrigger, { pipelineId: 'pipe1', pipelineStageId: 'stage-2' });
    expect(results.map((o: any) => [o.id, o.opportunityId])).toEqual([
      ['o1_stage-2_2026-03-05T10:00:00.000Z', 'o1'],
      ['o2_stage-2_2026-03-04T10:00:00.000Z', 'o2'],
    ]);
  });

  it('Opportunity Status Changed keys each change by status and can watch one status', async () => {
    highlevel()
      .post('/opportunities/search', {
        locationId: AUTH.locationId,
        limit: 100,
        page: 1,
        sort: [{ field: 'last_status_change_date', direction: 'desc' }],
        filters: [{ field: 'status', operator: 'eq', value: 'won' }],
      })
      .reply(200, searchReply(opp('o1', { status: 'won', lastStatusChangeAt: '2026-03-05T10:00:00.000Z' })));
    const results = await run(triggers.opportunityStatusChangedTrigger, { status: 'won' });
    expect(results).toEqual([expect.objectContaining({ id: 'o1_won_2026-03-05T10:00:00.000Z', opportunityId: 'o1', status: 'won' })]);
  });

  it('rejects an unknown status before any request', async () => {
    await expect(run(triggers.opportunityStatusChangedTrigger, { status: 'closed' })).rejects.toThrow(/New Status.*status/);
  });
});

describe('pipeline and opportunity dropdowns', () => {
  const pipelines = {
    pipelines: [pipelineSample, { id: 'pipe2', name: 'Service Plans', stages: [{ id: 'st-a', name: 'Trial', position: 0 }] }],
  };

  it('pipeline_list lists every pipeline once (load more adds nothing)', async () => {
    highlevel().get('/opportunities/pipelines').query({ locationId: AUTH.locationId }).reply(200, pipelines);
    const first = await run(triggers.pipelineDropdown, {});
    expect(first.map((p: any) => [p.id, p.name])).toEqual([
      [pipelineSample.id, 'Remodeling Sales'],
      ['pipe2', 'Service Plans'],
    ]);
    expect(await run(triggers.pipelineDropdown, {}, { meta: { page: 1 } })).toEqual([]);
  });

  it("pipeline_stage_list lists the chosen pipeline's stages", async () => {
    highlevel().get('/opportunities/pipelines').query({ locationId: AUTH.locationId }).reply(200, pipelines);
    const stages = await run(triggers.pipelineStageDropdown, { pipelineId: 'pipe2' });
    expect(stages).toEqual([expect.objectContaining({ id: 'st-a', name: 'Trial', pipelineId: 'pipe2' })]);
  });

  it('pipeline_stage_list without a pipeline names each stage after its pipeline', async () => {
    highlevel().get('/opportunities/pipelines').query({ locationId: AUTH.locationId }).reply(200, pipelines);
    const stages = await run(triggers.pipelineStageDropdown, {});
    expect(stages.map((s: any) => s.name)).toEqual([
      'Remodeling Sales › New Lead',
      'Remodeling Sales › Quote Sent',
      'Service Plans › Trial',
    ]);
  });

  it('opportunity_list pages through the search, newest first', async () => {
    highlevel()
      .post('/opportunities/search', {
        locationId: AUTH.locationId,
        limit: 50,
        page: 3,
        sort: [{ field: 'date_added', direction: 'desc' }],
      })
      .reply(200, searchReply(opp('o9')));
    const choices = await run(triggers.opportunityDropdown, {}, { meta: { page: 2 } });
    expect(choices).toEqual([expect.objectContaining({ id: 'o9', name: 'Kitchen remodel – Delgado – Rosa Delgado' })]);
  });
});

describe('opportunity actions', () => {
  it('Create Opportunity sends an open opportunity for the contact and returns it', async () => {
    const scope = highlevel()
      .post('/opportunities/', {
        locationId: AUTH.locationId,
        pipelineId: 'pipe1',
        pipelineStageId: 'stage-1',
        name: 'Kitchen remodel',
        status: 'open',
        contactId: 'c1',
        monetaryValue: 18500.5,
      })
      .reply(201, { opportunity: opp('new1') });
    const result = await run(creates.createOpportunity, {
      pipelineId: 'pipe1',
      pipelineStageId: 'stage-1',
      name: ' Kitchen remodel ',
      contactId: 'c1',
      monetaryValue: '18500.50',
      assignedTo: '',
    });
    expect(result).toMatchObject({ id: 'new1', name: opportunitySample.name });
    scope.done();
  });

  it('Create Opportunity names the missing field and sends nothing', async () => {
    await expect(run(creates.createOpportunity, { pipelineId: 'pipe1', name: 'X' })).rejects.toThrow(/Contact.*contactId.*is required/);
    await expect(
      run(creates.createOpportunity, { pipelineId: 'pipe1', name: 'X', contactId: 'c1', monetaryValue: 'lots' }),
    ).rejects.toThrow(/Lead Value/);
  });

  it('Update Opportunity puts only the filled fields to /opportunities/{id}', async () => {
    highlevel()
      .put('/opportunities/o1', { pipelineStageId: 'stage-2', monetaryValue: 900 })
      .reply(200, { opportunity: opp('o1') });
    const result = await run(creates.updateOpportunity, { opportunityId: 'o1', pipelineStageId: 'stage-2', monetaryValue: 900, name: '' });
    expect(result.id).toBe('o1');
  });

  it('Create or Update Opportunity says whether it was created', async () => {
    highlevel()
      .post('/opportunities/upsert', {
        locationId: AUTH.locationId,
        pipelineId: 'pipe1',
        contactId: 'c1',
        name: 'Kitchen remodel',
        status: 'won',
      })
      .reply(200, { opportunity: opp('o1', { status: 'won' }), new: false });
    const result = await run(creates.upsertOpportunity, { pipelineId: 'pipe1', contactId: 'c1', name: 'Kitchen remodel', status: 'won' });
    expect(result).toMatchObject({ id: 'o1', status: 'won', isNew: false });
  });

  it('Update Opportunity Status returns the opportunity ID and the new status', async () => {
    highlevel().put('/opportunities/o1/status', { status: 'lost' }).reply(200, { succeded: true });
    expect(await run(creates.updateOpportunityStatus, { opportunityId: 'o1', status: 'lost' })).toEqual({
      id: 'o1',
      status: 'lost',
      succeded: true,
    });
  });

  it('Delete Opportunity deletes by ID', async () => {
    highlevel().delete('/opportunities/o1').reply(200, { succeded: true });
    expect(await run(creates.deleteOpportunity, { opportunityId: 'o1' })).toEqual({ id: 'o1', deleted: true });
  });

  it('Add and Remove Opportunity Followers send the user list', async () => {
    highlevel()
      .post('/opportunities/o1/followers', { followers: ['u1', 'u2'] })
      .reply(201, { followers: ['u0', 'u1', 'u2'], followersAdded: ['u1', 'u2'] });
    expect(await run(creates.addOpportunityFollowers, { opportunityId: 'o1', followers: 'u1, u2, u1' })).toEqual({
      id: 'o1',
      followers: ['u0', 'u1', 'u2'],
      followersAdded: ['u1', 'u2'],
    });
    highlevel()
      .delete('/opportunities/o1/followers', { followers: ['u2'] })
      .reply(200, { followers: ['u0', 'u1'], followersRemoved: ['u2'] });
    expect(await run(creates.removeOpportunityFollowers, { opportunityId: 'o1', followers: ['u2'] })).toMatchObject({
      id: 'o1',
      followersRemoved: ['u2'],
    });
  });
});

describe('opportunity searches', () => {
  it('Find Opportunity by ID reads the record; a 404 is no result', async () => {
    highlevel()
      .get('/opportunities/o1')
      .reply(200, { opportunity: opp('o1') });
    expect((await run(searches.findOpportunity, { opportunityId: 'o1' })).map((o: any) => o.id)).toEqual(['o1']);
    highlevel().get('/opportunities/gone').reply(404, { statusCode: 404, message: 'Opportunity not found' });
    expect(await run(searches.findOpportunity, { opportunityId: 'gone' })).toEqual([]);
  });

  it("Find Opportunity by contact and pipeline searches that contact's opportunities", async () => {
    highlevel()
      .post('/opportunities/search', {
        locationId: AUTH.locationId,
        limit: 10,
        page: 1,
        sort: [{ field: 'date_updated', direction: 'desc' }],
        filters: [
          { field: 'contact_id', operator: 'eq', value: 'c1' },
          { field: 'pipeline_id', operator: 'eq', value: 'pipe1' },
        ],
      })
      .reply(200, searchReply(opp('o3')));
    expect((await run(searches.findOpportunity, { contactId: 'c1', pipelineId: 'pipe1' })).map((o: any) => o.id)).toEqual(['o3']);
  });

  it('Find Opportunity needs something to search by', async () => {
    await expect(run(searches.findOpportunity, {})).rejects.toThrow(/fill in one of Opportunity ID \(opportunityId\), Contact/);
  });

  it('Find Pipeline matches the name case-insensitively, exact names first', async () => {
    highlevel()
      .get('/opportunities/pipelines')
      .query({ locationId: AUTH.locationId })
      .reply(200, { pipelines: [pipelineSample, { id: 'p2', name: 'Remodeling Sales (old)', stages: [] }] });
    const found = await run(searches.findPipeline, { name: 'remodeling SALES ' });
    expect(found.map((p: any) => p.id)).toEqual([pipelineSample.id]);
    highlevel()
      .get('/opportunities/pipelines')
      .query({ locationId: AUTH.locationId })
      .reply(200, { pipelines: [pipelineSample, { id: 'p2', name: 'Remodeling Sales (old)', stages: [] }] });
    expect((await run(searches.findPipeline, { name: 'remodel' })).map((p: any) => p.id)).toEqual([pipelineSample.id, 'p2']);
  });
});

describe('opportunity custom fields', () => {
  const definitions = {
    customFields: [
      {
        id: 'cf_budget',
        name: 'Budget',
        fieldKey: 'opportunity.budget',
        dataType: 'MONETORY',
        model: 'opportunity',
        locationId: AUTH.locationId,
        position: 0,
      },
    ],
  };

  it('Create Opportunity sends typed custom field values and returns them under readable keys', async () => {
    highlevel()
      .get(`/locations/${AUTH.locationId}/customFields`)
      .query({ model: 'opportunity' })
      .reply(200, definitions)
      .post('/opportunities/', {
        locationId: AUTH.locationId,
        pipelineId: 'pipe1',
        name: 'Kitchen remodel',
        status: 'open',
        contactId: 'c1',
        customFields: [{ id: 'cf_budget', field_value: 25000 }],
      })
      .reply(201, { opportunity: { ...opp('new1'), customFields: [{ id: 'cf_budget', fieldValue: 25000 }] } });
    const result = await run(creates.createOpportunity, {
      pipelineId: 'pipe1',
      name: 'Kitchen remodel',
      contactId: 'c1',
      customField__cf_budget: '25000',
    });
    expect(result).toMatchObject({ id: 'new1', custom_budget: 25000 });
  });

  it('New Opportunity names custom field values after their fields', async () => {
    highlevel()
      .post('/opportunities/search', {
        locationId: AUTH.locationId,
        limit: 100,
        page: 1,
        sort: [{ field: 'date_added', direction: 'desc' }],
      })
      .reply(200, searchReply({ ...opp('o1'), customFields: [{ id: 'cf_budget', fieldValue: 900 }] }))
      .get(`/locations/${AUTH.locationId}/customFields`)
      .query({ model: 'opportunity' })
      .reply(200, definitions);
    const [first] = await run(triggers.newOpportunityTrigger, {});
    expect(first).toMatchObject({ id: 'o1', custom_budget: 900 });
  });
});

describe('opportunity custom fields in the live answer shape', () => {
  // Live opportunity search answers carry `fieldValueString` / `fieldValueNumber`, not the spec's `fieldValue`
  // (GoHighLevel/highlevel-api-docs#87).
  it('reads fieldValueString / fieldValueNumber', async () => {
    const defs = [
      { id: 'cf_budget', name: 'Budget', fieldKey: 'opportunity.budget', dataType: 'MONETORY' },
      { id: 'cf_source', name: 'Lead Source', fieldKey: 'opportunity.lead_source', dataType: 'TEXT' },
    ] as any;
    const item = withReadableKeys(
      {
        id: 'o1',
        customFields: [
          { id: 'cf_budget', type: 'number', fieldValueNumber: 900 },
          { id: 'cf_source', type: 'string', fieldValueString: 'Referral' },
        ],
      },
      defs,
    );
    expect(item).toMatchObject({ custom_budget: 900, custom_lead_source: 'Referral' });
  });
});
