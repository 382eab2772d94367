import * as businessCreates from '../../creates/businesses';
import * as creates from '../../creates/opportunities';
import * as businessSearches from '../../searches/businesses';
import * as searches from '../../searches/opportunities';
import * as workflowSearches from '../../searches/workflows';
import * as businessTriggers from '../../triggers/businesses';
import * as triggers from '../../triggers/opportunities';
import * as workflowTriggers from '../../triggers/workflows';
import { opportunityStore } from '../../sandbox/routes/opportunities';
import { Sandbox } from '../../sandbox/server';
import { Operation } from '../../src/factories/operation';
import { appTester } from '../support/highlevel';
import { checkedSandbox, tokenFor } from '../sandbox/support';

// The opportunity, business and workflow operations through the Zapier runtime against the sandbox over HTTP;
// every sandbox answer is checked against the spec's response schema.
let sandbox: Sandbox;
let violations: string[];
let authData: Record<string, string>;
const runOp = (op: Operation, inputData: Record<string, unknown> = {}): Promise<any> =>
  appTester(op.perform as any, { authData, inputData } as any);

beforeAll(async () => {
  ({ sandbox, violations } = await checkedSandbox());
  process.env.GHL_API_BASE_URL = sandbox.url;
  authData = { access_token: tokenFor(sandbox), locationId: sandbox.state.locationId, companyId: sandbox.state.companyId };
});
afterAll(async () => {
  delete process.env.GHL_API_BASE_URL;
  await sandbox.close();
});
afterEach(() => expect(violations.splice(0)).toEqual([]));

describe('opportunities against the sandbox', () => {
  it('creates an opportunity in a chosen pipeline stage, moves it, wins it, and each trigger sees the change', async () => {
    const [pipeline] = await runOp(triggers.pipelineDropdown);
    const stages = await runOp(triggers.pipelineStageDropdown, { pipelineId: pipeline.id });
    expect(stages.map((s: any) => s.name)).toEqual(['New Lead', 'Quote Sent', 'Job Booked']);
    const contact = sandbox.state.contactsOf(sandbox.state.locationId)[4];

    const created = await runOp(creates.createOpportunity, {
      pipelineId: pipeline.id,
      pipelineStageId: stages[0].id,
      name: 'Boiler swap',
      contactId: contact.id,
      monetaryValue: '5400',
    });
    expect(created).toMatchObject({ name: 'Boiler swap', status: 'open', monetaryValue: 5400, contact: { id: contact.id } });
    expect((await runOp(triggers.newOpportunityTrigger, {}))[0].id).toBe(created.id);

    await runOp(creates.updateOpportunity, { opportunityId: created.id, pipelineStageId: stages[2].id });
    const moved = await runOp(triggers.opportunityStageChangedTrigger, { pipelineId: pipeline.id });
    expect(moved[0]).toMatchObject({ id: `${created.id}_${stages[2].id}_${moved[0].lastStageChangeAt}`, opportunityId: created.id });
    expect(moved[0]).toMatchObject({ pipelineName: pipeline.name, pipelineStageName: 'Job Booked' });
    expect(moved[0].lastStageChangeAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    await runOp(creates.updateOpportunityStatus, { opportunityId: created.id, status: 'won' });
    const won = await runOp(triggers.opportunityStatusChangedTrigger, { status: 'won' });
    expect(won.map((o: any) => o.id)).toEqual([`${created.id}_won_${won[0].lastStatusChangeAt}`]);
    expect(won[0].lastStatusChangeAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const found = await runOp(searches.findOpportunity, { contactId: contact.id });
    expect(found.map((o: any) => o.id)).toEqual([created.id]);
    const upserted = await runOp(creates.upsertOpportunity, { pipelineId: pipeline.id, contactId: contact.id, monetaryValue: 6000 });
    expect(upserted).toMatchObject({ id: created.id, isNew: false, monetaryValue: 6000 });

    const user = sandbox.state.usersOf(sandbox.state.locationId)[0];
    expect((await runOp(creates.addOpportunityFollowers, { opportunityId: created.id, followers: user.id })).followersAdded).toEqual([
      user.id,
    ]);
    await runOp(creates.deleteOpportunity, { opportunityId: created.id });
    expect(opportunityStore(sandbox.state).opportunities.has(created.id)).toBe(false);
    expect(await runOp(searches.findOpportunity, { opportunityId: created.id })).toEqual([]);
  });
});

describe('businesses, workflows and campaigns against the sandbox', () => {
  it('creates a business, polls it as the newest, finds it by name, updates and deletes it', async () => {
    const created = await runOp(businessCreates.createBusiness, { name: 'Okafor Roofing', city: 'Dolomite' });
    expect(created).toMatchObject({ name: 'Okafor Roofing', city: 'Dolomite' });
    expect((await runOp(businessTriggers.newBusinessTrigger))[0].id).toBe(created.id);
    expect((await runOp(businessSearches.findBusiness, { name: 'okafor roofing' })).map((b: any) => b.id)).toEqual([created.id]);
    expect(await runOp(businessCreates.updateBusiness, { businessId: created.id, website: 'okafor.example.com' })).toMatchObject({
      website: 'okafor.example.com',
    });
    await runOp(businessCreates.deleteBusiness, { businessId: created.id });
    expect(await runOp(businessSearches.findBusiness, { businessId: created.id })).toEqual([]);
  });

  it('lists workflows and campaigns for dropdowns and finds them by name', async () => {
    expect((await runOp(workflowTriggers.workflowDropdown)).map((w: any) => w.name)).toContain('Review Request (draft)');
    expect((await runOp(workflowSearches.findWorkflow, { name: 'quote follow-up' })).map((w: any) => w.name)).toEqual(['Quote Follow-Up']);
    expect((await runOp(workflowSearches.findCampaign, { name: 'winter' })).map((c: any) => c.status)).toEqual(['draft']);
  });
});
