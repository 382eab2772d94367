import { createPublicKey, verify } from 'crypto';
import * as http from 'http';
import { AddressInfo } from 'net';
import { createAppTester } from 'zapier-platform-core';
import App from '../../app/index';
import { SANDBOX_WEBHOOK_PUBLIC_KEY } from '../../sandbox/webhooks';
import { sandboxApp } from '../sandbox/support';

// The instant triggers against the sandbox on loopback: performList (samples in the zap editor) is the polling
// twin's read, and the sandbox's signed webhooks for its changes are shaped by each trigger's perform.

const app = sandboxApp();
const appTester = createAppTester(App);
type Item = Record<string, any>;

const instantKeys = Object.keys(App.triggers).filter((k) => App.triggers[k].operation.type === 'hook');
const list = (key: string, inputData: Item = {}): Promise<Item[]> => {
  process.env.GHL_API_BASE_URL = app.sandbox.url;
  return appTester(App.triggers[key].operation.performList, {
    authData: app.authData,
    inputData,
    meta: { timezone: 'UTC' },
  } as any) as Promise<Item[]>;
};
const twinSample = (key: string): Promise<Item[]> => {
  process.env.GHL_API_BASE_URL = app.sandbox.url;
  return appTester(App.triggers[key].operation.perform, {
    authData: app.authData,
    inputData: {},
    meta: { timezone: 'UTC', isLoadingSample: true },
  } as any) as Promise<Item[]>;
};
const perform = (key: string, payload: Item, inputData: Item = {}): Promise<Item[]> => {
  process.env.GHL_API_BASE_URL = app.sandbox.url;
  return appTester(App.triggers[key].operation.perform, {
    authData: app.authData,
    inputData,
    cleanedRequest: payload,
    meta: { timezone: 'UTC' },
  } as any) as Promise<Item[]>;
};

describe('performList: the polling twin’s records, same shape', () => {
  // Where performList is the twin's perform as it is, the editor's samples are exactly what the polling twin reads.
  const twins: Record<string, string> = {
    new_contact_instant: 'new_contact',
    updated_contact_instant: 'updated_contact',
    deleted_contact_instant: 'new_contact',
    contact_dnd_changed_instant: 'updated_contact',
    new_task_instant: 'new_task',
    new_opportunity_instant: 'new_opportunity',
    opportunity_stage_changed_instant: 'opportunity_stage_changed',
    opportunity_status_changed_instant: 'opportunity_status_changed',
    new_inbound_message_instant: 'new_inbound_message',
  };
  it.each(Object.entries(twins))('%s lists what %s polls', async (key, twin) => {
    const records = await list(key);
    // performList is a sample load: compare with the twin's own sample load (a poll would only give what is new).
    expect(records).toEqual(await twinSample(twin));
    for (const r of records) expect(r.id).toBeDefined();
  });

  it.each(instantKeys.filter((k) => !twins[k]).map((k) => [k]))('%s lists records with ids', async (key) => {
    // Required inputs: the event of New HighLevel Event, the object of the record triggers (the sandbox's Pets).
    const inputs: Record<string, Item> = {
      new_highlevel_event_instant: { eventType: 'ContactCreate' },
      object_record_created_instant: { objectKey: 'custom_objects.pet' },
      object_record_updated_instant: { objectKey: 'custom_objects.pet' },
    };
    const records = await list(key, inputs[key] ?? {});
    expect(Array.isArray(records)).toBe(true);
    for (const r of records) expect(r.id).toBeDefined();
  });

  it("samples neither read nor move the polling twin's poll state: the same samples every time", async () => {
    const first = await list('new_contact_instant');
    expect(first.length).toBeGreaterThan(0);
    expect(await list('new_contact_instant')).toEqual(first);
  });

  it('the seeded location gives samples for the contact, task and note triggers', async () => {
    expect((await list('new_contact_instant')).length).toBeGreaterThan(0);
    expect((await list('contact_tag_added_instant')).map((r) => r.tag)).toContain('lead');
    expect((await list('contact_tag_added_instant', { tag: 'customer' })).every((r) => r.tag === 'customer')).toBe(true);
    expect((await list('new_note_instant')).length).toBeGreaterThan(0);
    expect((await list('task_completed_instant')).every((t) => t.completed === true)).toBe(true);
    expect((await list('task_completed_instant')).length).toBeGreaterThan(0);
  });

  it('New HighLevel Event lists an example of the chosen event for the connected location', async () => {
    const [example] = await list('new_highlevel_event_instant', { eventType: 'OpportunityStageUpdate' });
    expect(example).toMatchObject({ type: 'OpportunityStageUpdate', locationId: app.locationId, id: expect.any(String) });
  });
});

describe('the sandbox speaks webhooks', () => {
  let receiver: http.Server;
  const received: Array<{ raw: string; signature: string; at: number }> = [];

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        received.push({
          raw: Buffer.concat(chunks).toString('utf8'),
          signature: String(req.headers['x-ghl-signature'] ?? ''),
          at: Date.now(),
        });
        res.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    app.sandbox.webhooks.configure({ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/v1/highlevel/webhook` });
  });
  afterAll(async () => {
    app.sandbox.webhooks.configure({ url: undefined });
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  /** The events posted since `from`, each verified with the sandbox's public key. */
  async function eventsSince(from: number): Promise<Item[]> {
    await app.sandbox.webhooks.idle();
    const key = createPublicKey(SANDBOX_WEBHOOK_PUBLIC_KEY);
    return received.slice(from).map((r) => {
      expect(verify(null, Buffer.from(r.raw), key, Buffer.from(r.signature, 'base64'))).toBe(true);
      return JSON.parse(r.raw);
    });
  }

  it('a contact created, tagged and deleted: signed ContactCreate, ContactTagUpdate, ContactDelete in order, shaped by the triggers', async () => {
    const from = received.length;
    const contact = await app.run('create_contact', { firstName: 'Ivy', lastName: 'Webb', email: 'ivy.webb@example.com', tags: 'lead' });
    await app.run('add_contact_tags', { contactId: contact.id, tags: 'vip' });
    await app.run('delete_contact', { contactId: contact.id });
    const events = await eventsSince(from);
    expect(events.map((e) => e.type)).toEqual(['ContactCreate', 'ContactTagUpdate', 'ContactDelete']);
    for (const e of events)
      expect(e).toMatchObject({
        locationId: app.locationId,
        id: contact.id,
        appId: 'sandbox-app',
        webhookId: expect.any(String),
        timestamp: expect.any(String),
      });
    expect(events[1].tags).toEqual(['lead', 'vip']); // the whole list, as HighLevel sends it

    const [created] = await perform('new_contact_instant', events[0]);
    expect(created).toMatchObject({ id: contact.id, email: 'ivy.webb@example.com', tags: ['lead'] });
    // Without the relay's diff the whole list counts; the relay's `_relay.tagsAdded` narrows it (see the relay tests).
    expect(
      (await perform('contact_tag_added_instant', { ...events[1], _relay: { webhookId: events[1].webhookId, tagsAdded: ['vip'] } })).map(
        (r) => r.tag,
      ),
    ).toEqual(['vip']);
    expect(await perform('deleted_contact_instant', events[2])).toEqual([expect.objectContaining({ id: contact.id })]);
  });

  it('a task created (without contactId, as HighLevel sends it) and completed; a note added', async () => {
    const [contact] = app.sandbox.state.contactsOf(app.locationId);
    const from = received.length;
    const task = await app.run('create_task', {
      contactId: contact.id,
      title: 'Measure the boiler room',
      body: 'Bring the laser meter.',
      dueDate: '2026-12-01T15:00:00Z',
    });
    await app.run('complete_task', { contactId: contact.id, taskId: task.id });
    const note = await app.run('create_note', { contactId: contact.id, body: 'Asked about financing.' });
    const events = await eventsSince(from);
    expect(events.map((e) => e.type)).toEqual(['TaskCreate', 'TaskComplete', 'NoteCreate']);
    expect(events[0].contactId).toBeUndefined();

    const [newTask] = await perform('new_task_instant', events[0]);
    expect(newTask).toMatchObject({ id: task.id, contactId: contact.id, body: 'Bring the laser meter.', title: 'Measure the boiler room' });
    expect(await perform('task_completed_instant', events[1])).toEqual([
      expect.objectContaining({ id: task.id, completed: true, contactId: contact.id }),
    ]);
    const [newNote] = await perform('new_note_instant', events[2]);
    expect(newNote).toMatchObject({ id: note.id, contactId: contact.id, body: 'Asked about financing.' });
  });

  it('an opportunity created and moved: HighLevel’s double events, each trigger fires once for its change', async () => {
    const pipelines = await app.run('pipeline_list');
    const stages = await app.run('pipeline_stage_list', { pipelineId: pipelines[0].id });
    const [contact] = app.sandbox.state.contactsOf(app.locationId);
    const from = received.length;
    const opp = await app.run('create_opportunity', {
      pipelineId: pipelines[0].id,
      pipelineStageId: stages[0].id,
      name: 'Boiler swap',
      status: 'open',
      contactId: contact.id,
    });
    await app.run('update_opportunity', { opportunityId: opp.id, pipelineId: pipelines[0].id, pipelineStageId: stages[1].id });
    const events = await eventsSince(from);
    expect(events.map((e) => e.type)).toEqual(['OpportunityCreate', 'OpportunityUpdate', 'OpportunityUpdate', 'OpportunityStageUpdate']);

    const fired = async (key: string, input: Item = {}) => (await Promise.all(events.map((e) => perform(key, e, input)))).flat();
    expect((await fired('new_opportunity_instant')).map((o) => o.id)).toEqual([opp.id]);
    const moved = await fired('opportunity_stage_changed_instant', { pipelineStageId: stages[1].id });
    expect(moved).toEqual([
      expect.objectContaining({
        opportunityId: opp.id,
        pipelineStageId: stages[1].id,
        pipelineStageName: stages[1].name,
        pipelineName: pipelines[0].name,
      }),
    ]);
    expect(await fired('opportunity_stage_changed_instant', { pipelineStageId: stages[0].id })).toEqual([]);
    expect(await fired('opportunity_status_changed_instant')).toEqual([]);
  });
});
