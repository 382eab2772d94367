import * as creates from '../../creates/opportunities';
import * as searches from '../../searches/opportunities';
import * as triggers from '../../triggers/opportunities';
import { opportunitiesApi } from '../../src/api/opportunities';
import { opportunitySample, pipelineSample } from '../../src/fields/opportunity';
import { AUTH, appTester, highlevel, run } from '../support/highlevel';

// Opportunity outputs name their pipeline and stage (pipelineName, pipelineStageName), read from
// GET /opportunities/pipelines once per step and kept in z.cache per connection.

const { customFields: _values, ...plain } = opportunitySample;
const opp = (id: string, extra: Record<string, unknown> = {}) => ({ ...plain, id, ...extra });
const searchReply = (...opportunities: object[]) => ({ opportunities, total: opportunities.length, aggregations: {} });
const [newLead, quoteSent] = pipelineSample.stages;
const service = { id: 'pipe2', name: 'Service Plans', stages: [{ id: 'st-trial', name: 'Trial', position: 0 }] };

/** Interceptors for the pipelines list; `count()` says how many times HighLevel was asked. */
function pipelinesServed(pipelines: object[] = [pipelineSample, service], times = 5) {
  let calls = 0;
  highlevel()
    .get('/opportunities/pipelines')
    .query({ locationId: AUTH.locationId })
    .matchHeader('version', '2021-07-28')
    .times(times)
    .reply(200, () => {
      calls++;
      return { pipelines };
    });
  return { count: () => calls };
}

const stageSearch = () => highlevel().post('/opportunities/search', (body) => body.sort?.[0]?.field === 'last_stage_change_date');

// The app tester keeps z.cache between steps: each test starts with an empty cache.
beforeEach(() => {
  (appTester as any).zcacheTestObj = {};
});

describe('pipeline and stage names in opportunity outputs', () => {
  it('Opportunity Stage Changed names the stage entered, reading the pipelines once for the whole poll', async () => {
    const served = pipelinesServed();
    stageSearch().reply(
      200,
      searchReply(
        opp('o1', { pipelineStageId: quoteSent.id }),
        opp('o2', { pipelineStageId: newLead.id }),
        opp('o3', { pipelineId: 'pipe2', pipelineStageId: 'st-trial' }),
        opp('o4', { pipelineStageId: quoteSent.id, lastStageChangeAt: '2026-03-01T09:00:00.000Z' }),
      ),
    );
    const results = await run(triggers.opportunityStageChangedTrigger, {});
    expect(results.map((o: any) => [o.opportunityId, o.pipelineName, o.pipelineStageName])).toEqual([
      ['o1', 'Remodeling Sales', 'Quote Sent'],
      ['o2', 'Remodeling Sales', 'New Lead'],
      ['o3', 'Service Plans', 'Trial'],
      ['o4', 'Remodeling Sales', 'Quote Sent'],
    ]);
    expect(results[0]).toMatchObject({ pipelineId: pipelineSample.id, pipelineStageId: quoteSent.id });
    expect(served.count()).toBe(1);
  });

  it('a later poll takes the names from z.cache: one request per poll', async () => {
    const served = pipelinesServed();
    stageSearch().reply(200, searchReply(opp('o1')));
    // The later poll finds a later change (a poll emits only what changed since the previous one).
    stageSearch().reply(200, searchReply(opp('o2', { lastStageChangeAt: '2099-01-01T00:00:00.000Z' }), opp('o1')));
    await run(triggers.opportunityStageChangedTrigger, {});
    const [again] = await run(triggers.opportunityStageChangedTrigger, {});
    expect(again.pipelineStageName).toBe('Quote Sent');
    expect(served.count()).toBe(1);
    const keys = Object.keys((appTester as any).zcacheTestObj);
    expect(keys.some((k) => k.includes(`highlevel:pipelineNames:${AUTH.locationId}`))).toBe(true);
  });

  it('reads the pipelines again when the cached names lack a stage created since', async () => {
    const before = pipelinesServed([{ ...pipelineSample, stages: [newLead] }], 1);
    stageSearch().reply(200, searchReply(opp('o1', { pipelineStageId: newLead.id })));
    expect((await run(triggers.opportunityStageChangedTrigger, {}))[0].pipelineStageName).toBe('New Lead');
    const after = pipelinesServed([pipelineSample]);
    stageSearch().reply(200, searchReply(opp('o2', { pipelineStageId: quoteSent.id })));
    const [moved] = await run(triggers.opportunityStageChangedTrigger, {});
    expect(moved.pipelineStageName).toBe('Quote Sent');
    expect([before.count(), after.count()]).toEqual([1, 1]);
  });

  it('a failing pipelines read keeps the ids and still returns the opportunities', async () => {
    highlevel().get('/opportunities/pipelines').query(true).reply(500, { statusCode: 500, message: 'Internal server error' });
    stageSearch().reply(200, searchReply(opp('o1'), opp('o2')));
    const results = await run(triggers.opportunityStageChangedTrigger, {});
    expect(results.map((o: any) => o.opportunityId)).toEqual(['o1', 'o2']);
    expect(results[0]).toMatchObject({ pipelineId: pipelineSample.id, pipelineStageId: quoteSent.id });
    expect(results[0]).not.toHaveProperty('pipelineName');
    expect(results[0]).not.toHaveProperty('pipelineStageName');
  });

  it('an empty poll reads no pipelines', async () => {
    const served = pipelinesServed();
    highlevel().post('/opportunities/search').reply(200, searchReply());
    expect(await run(triggers.newOpportunityTrigger, {})).toEqual([]);
    expect(served.count()).toBe(0);
  });

  it('New and Status Changed triggers, Find, Create, Update and Create or Update name the pipeline and stage', async () => {
    const named = { pipelineName: 'Remodeling Sales', pipelineStageName: 'Quote Sent' };
    pipelinesServed();
    highlevel()
      .post('/opportunities/search')
      .times(2)
      .reply(200, searchReply(opp('o1')));
    expect((await run(triggers.newOpportunityTrigger, {}))[0]).toMatchObject(named);
    expect((await run(triggers.opportunityStatusChangedTrigger, {}))[0]).toMatchObject(named);
    highlevel()
      .get('/opportunities/o1')
      .reply(200, { opportunity: opp('o1') });
    expect((await run(searches.findOpportunity, { opportunityId: 'o1' }))[0]).toMatchObject(named);
    highlevel()
      .post('/opportunities/')
      .reply(201, { opportunity: opp('o2') });
    expect(await run(creates.createOpportunity, { pipelineId: pipelineSample.id, name: 'Deck', contactId: 'c1' })).toMatchObject({
      id: 'o2',
      ...named,
    });
    highlevel()
      .put('/opportunities/o1')
      .reply(200, { opportunity: opp('o1', { pipelineStageId: newLead.id }) });
    expect(await run(creates.updateOpportunity, { opportunityId: 'o1', pipelineStageId: newLead.id })).toMatchObject({
      pipelineStageName: 'New Lead',
    });
    highlevel()
      .post('/opportunities/upsert')
      .reply(200, { opportunity: opp('o1'), new: true });
    expect(await run(creates.upsertOpportunity, { pipelineId: pipelineSample.id, contactId: 'c1' })).toMatchObject({
      isNew: true,
      ...named,
    });
  });

  it('declares the names as output fields and the pipelines endpoint as called', () => {
    const ops = [
      triggers.newOpportunityTrigger,
      triggers.opportunityStageChangedTrigger,
      triggers.opportunityStatusChangedTrigger,
      searches.findOpportunity,
      creates.createOpportunity,
      creates.updateOpportunity,
      creates.upsertOpportunity,
    ];
    for (const op of ops) {
      const keys = (op.def.outputFields ?? []).map((f) => f.key);
      expect([op.key, keys]).toEqual([op.key, expect.arrayContaining(['pipelineName', 'pipelineStageName'])]);
      expect([op.key, op.def.sample.pipelineStageName]).toEqual([op.key, 'Quote Sent']);
      expect([op.key, op.endpoints.includes(opportunitiesApi.listPipelines)]).toEqual([op.key, true]);
    }
  });
});
