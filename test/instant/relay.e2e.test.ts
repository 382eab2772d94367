import { InstantResult, relayUnavailable, runInstantWalkthrough, startInstantRig, InstantRig } from '../../sandbox/walkthrough-instant';
import { call, sandboxApp } from '../sandbox/support';

// End to end on loopback: the app's performSubscribe at the real relay (child process, embedded PGlite), the
// sandbox's signed webhooks for its changes, the relay's deliveries to stand-in hook URLs, the triggers' perform,
// and performUnsubscribe. Needs `npm run build` (npm test builds) and Node >= 22.12 (npm scripts supply it).

const why = relayUnavailable();
if (why) throw new Error(`relay end-to-end tests cannot run: ${why}`);

const app = sandboxApp();
type Item = Record<string, any>;

describe('the walkthrough’s instant part', () => {
  let result: InstantResult;
  beforeAll(async () => {
    result = await runInstantWalkthrough(app.sandbox, app.authData);
  }, 120_000);

  it('each sandbox change reaches the right zap’s hook within a second, shaped by that zap’s trigger', () => {
    expect(result.deliveries.map((d) => [d.zap, d.type, d.shaped.length])).toEqual([
      ['zap-new-contact', 'ContactCreate', 1],
      ['zap-vip-tag', 'ContactCreate', 0], // created with "lead" only: the vip filter drops it
      ['zap-vip-tag', 'ContactTagUpdate', 1],
    ]);
    for (const d of result.deliveries) expect([d.zap, d.type, d.latencyMs < 1000]).toEqual([d.zap, d.type, true]);
    const [created] = result.deliveries[0].shaped;
    expect(created).toMatchObject({ name: 'Noah Patel', tags: ['lead'], locationId: app.locationId });
    // The relay derived the added tag against the contact's last tag list: only "vip", not "lead" again.
    expect(result.deliveries[2].shaped).toEqual([expect.objectContaining({ tag: 'vip', contactId: created.id, id: `${created.id}_vip` })]);
  });

  it('turning both zaps off deletes their subscriptions: a later change calls no hook', () => {
    expect(result.subscriptions).toHaveLength(2);
    expect(result.afterUnsubscribe).toBe(0);
    expect(result.lines.join('\n')).not.toMatch(/sbx-at-|secret/i);
  });
});

describe('more triggers through the relay', () => {
  let rig: InstantRig;
  beforeAll(async () => {
    rig = await startInstantRig(app.sandbox, app.authData);
  }, 60_000);
  afterAll(() => rig?.stop());

  it('Contact Tag Added: removing and adding a tag again fires again; tags already there do not', async () => {
    const [contact] = app.sandbox.state.contactsOf(app.locationId);
    await rig.subscribe('contact_tag_added_instant', 'zap-tags');
    const first = await rig.change(1, () => app.run('add_contact_tags', { contactId: contact.id, tags: 'gold' }));
    // The relay had not seen this contact: every tag counts as added the first time (never the new tag lost).
    expect(first.deliveries[0].shaped.map((i: Item) => i.tag)).toEqual(expect.arrayContaining(['gold', ...contact.tags]));
    const removed = await rig.change(1, () => app.run('remove_contact_tags', { contactId: contact.id, tags: 'gold' }));
    expect(removed.deliveries[0].shaped).toEqual([]);
    const again = await rig.change(1, () => app.run('add_contact_tags', { contactId: contact.id, tags: 'gold' }));
    expect(again.deliveries[0].shaped.map((i: Item) => i.tag)).toEqual(['gold']);
    await rig.unsubscribe('zap-tags');
  });

  it('Opportunity Stage Changed and Status Changed fire once each for their change; the relay skips other pipelines', async () => {
    const pipelines = await app.run('pipeline_list');
    const stages = await app.run('pipeline_stage_list', { pipelineId: pipelines[0].id });
    const [contact] = app.sandbox.state.contactsOf(app.locationId);
    await rig.subscribe('opportunity_stage_changed_instant', 'zap-stage', { pipelineId: pipelines[0].id, pipelineStageId: stages[1].id });
    await rig.subscribe('opportunity_status_changed_instant', 'zap-won', { status: 'won' });
    await rig.subscribe('opportunity_stage_changed_instant', 'zap-other-pipeline', { pipelineId: 'no-such-pipeline' });
    let opp: Item = {};
    const created = await rig.change(0, async () => {
      opp = await app.run('create_opportunity', {
        pipelineId: pipelines[0].id,
        pipelineStageId: stages[0].id,
        name: 'Water softener',
        status: 'open',
        contactId: contact.id,
      });
    });
    expect(created.sent).toEqual(['OpportunityCreate', 'OpportunityUpdate']);
    expect(created.deliveries).toEqual([]);
    const moved = await rig.change(1, () =>
      app.run('update_opportunity', { opportunityId: opp.id, pipelineId: pipelines[0].id, pipelineStageId: stages[1].id }),
    );
    expect(moved.sent).toEqual(['OpportunityUpdate', 'OpportunityStageUpdate']);
    expect(moved.deliveries.map((d) => [d.zap, d.type, d.shaped.length])).toEqual([['zap-stage', 'OpportunityStageUpdate', 1]]);
    expect(moved.deliveries[0].shaped[0]).toMatchObject({
      opportunityId: opp.id,
      pipelineStageName: stages[1].name,
      pipelineName: pipelines[0].name,
    });
    const won = await rig.change(1, () => app.run('update_opportunity_status', { opportunityId: opp.id, status: 'won' }));
    expect(won.deliveries.map((d) => [d.zap, d.type, d.shaped[0]?.status])).toEqual([['zap-won', 'OpportunityStatusUpdate', 'won']]);
    for (const zap of ['zap-stage', 'zap-won', 'zap-other-pipeline']) await rig.unsubscribe(zap);
  });

  it('New Outbound and New Inbound Message (channel filter) and New Note, each on its own hook', async () => {
    const [contact] = app.sandbox.state.contactsOf(app.locationId);
    await rig.subscribe('new_outbound_message_instant', 'zap-out', { channel: 'SMS' });
    await rig.subscribe('new_inbound_message_instant', 'zap-sms', { channel: 'SMS' });
    await rig.subscribe('new_inbound_message_instant', 'zap-email', { channel: 'Email' });
    await rig.subscribe('new_note_instant', 'zap-notes');
    let conversationId = '';
    const out = await rig.change(1, async () => {
      conversationId = (await app.run('send_sms', { contactId: contact.id, message: 'We can come Thursday.' })).conversationId;
    });
    expect(out.deliveries.map((d) => [d.zap, d.shaped[0]?.channel, d.shaped[0]?.direction, d.shaped[0]?.body])).toEqual([
      ['zap-out', 'SMS', 'outbound', 'We can come Thursday.'],
    ]);
    const sms = await rig.change(2, () =>
      call(app.sandbox, 'POST', '/conversations/messages/inbound', {
        token: app.token(),
        version: '2021-04-15',
        body: {
          type: 'SMS',
          contactId: contact.id,
          conversationId,
          conversationProviderId: 'sandboxPhoneProvider1',
          message: 'Is Thursday still on?',
        },
      }),
    );
    // Both inbound zaps get the event; the email zap's filter drops it.
    expect(sms.deliveries.map((d) => [d.zap, d.shaped[0]?.channel, d.shaped[0]?.direction, d.shaped[0]?.body]).sort()).toEqual([
      ['zap-email', undefined, undefined, undefined],
      ['zap-sms', 'SMS', 'inbound', 'Is Thursday still on?'],
    ]);
    const note = await rig.change(1, () => app.run('create_note', { contactId: contact.id, body: 'Confirmed Thursday.' }));
    expect(note.deliveries[0].shaped[0]).toMatchObject({ body: 'Confirmed Thursday.', contactId: contact.id });
    for (const zap of ['zap-out', 'zap-sms', 'zap-email', 'zap-notes']) await rig.unsubscribe(zap);
  });
});
