import * as searches from '../../searches/workflows';
import * as triggers from '../../triggers/workflows';
import { AUTH, highlevel, run } from '../support/highlevel';

const workflows = {
  workflows: [
    {
      id: 'wf1',
      name: 'New Lead Nurture',
      status: 'published',
      version: 4,
      createdAt: '2026-01-12T11:33:49.000Z',
      updatedAt: '2026-02-20T08:15:02.000Z',
      locationId: AUTH.locationId,
    },
    {
      id: 'wf2',
      name: 'Lead Nurture (copy)',
      status: 'draft',
      version: 1,
      createdAt: '2026-02-01T11:33:49.000Z',
      updatedAt: '2026-02-01T11:33:49.000Z',
      locationId: AUTH.locationId,
    },
  ],
};
const AGENCY = { authData: { ...AUTH, userType: 'Company' } };

describe('workflow, campaign and snapshot dropdowns', () => {
  it('workflow_list lists every workflow and marks drafts', async () => {
    highlevel().get('/workflows/').query({ locationId: AUTH.locationId }).matchHeader('version', '2021-07-28').reply(200, workflows);
    const choices = await run(triggers.workflowDropdown);
    expect(choices.map((w: any) => [w.id, w.name])).toEqual([
      ['wf1', 'New Lead Nurture'],
      ['wf2', 'Lead Nurture (copy) (draft)'],
    ]);
  });

  it('campaign_list lists the campaigns', async () => {
    highlevel()
      .get('/campaigns/')
      .query({ locationId: AUTH.locationId })
      .reply(200, { campaigns: [{ id: 'cp1', name: 'Spring Tune-Up Reminders', status: 'published', locationId: AUTH.locationId }] });
    expect((await run(triggers.campaignDropdown)).map((c: any) => c.id)).toEqual(['cp1']);
  });

  it("snapshot_list asks for the agency's snapshots with its company id", async () => {
    highlevel()
      .get('/snapshots/')
      .query({ companyId: AUTH.companyId })
      .reply(200, { snapshots: [{ id: 'sn1', name: 'Home Services Starter', type: 'own' }] });
    expect((await run(triggers.snapshotDropdown, {}, AGENCY)).map((s: any) => s.name)).toEqual(['Home Services Starter']);
  });
});

describe('find by name', () => {
  it('Find Workflow prefers the exact name, ignoring case', async () => {
    highlevel().get('/workflows/').query({ locationId: AUTH.locationId }).reply(200, workflows);
    expect((await run(searches.findWorkflow, { name: 'NEW LEAD NURTURE' })).map((w: any) => w.id)).toEqual(['wf1']);
  });

  it('Find Workflow falls back to names containing the text', async () => {
    highlevel().get('/workflows/').query({ locationId: AUTH.locationId }).reply(200, workflows);
    expect((await run(searches.findWorkflow, { name: 'nurture' })).map((w: any) => w.id)).toEqual(['wf1', 'wf2']);
  });

  it('Find Campaign returns nothing when no name matches', async () => {
    highlevel()
      .get('/campaigns/')
      .query({ locationId: AUTH.locationId })
      .reply(200, { campaigns: [{ id: 'cp1', name: 'Spring', status: 'published' }] });
    expect(await run(searches.findCampaign, { name: 'Winter' })).toEqual([]);
  });

  it('Find Workflow needs a name', async () => {
    await expect(run(searches.findWorkflow, { name: '  ' })).rejects.toThrow(/Workflow Name \(name\) is required/);
  });

  it('Find Snapshot refuses a sub-account connection', async () => {
    await expect(run(searches.findSnapshot, { name: 'Home' })).rejects.toThrow(/agency connection/);
  });
});
