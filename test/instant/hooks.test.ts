import nock from 'nock';
import { clearLocationTokenCache } from '../../src/connection';
import { RELAY_URL_ENV } from '../../src/factories/hook';
import { Operation } from '../../src/factories/operation';
import { appointmentSample } from '../../src/fields/appointment';
import { contactSample } from '../../src/fields/contact';
import { messageSample } from '../../src/fields/conversation';
import { noteSample } from '../../src/fields/note';
import { opportunitySample, pipelineSample } from '../../src/fields/opportunity';
import { taskSample } from '../../src/fields/task';
import { operations } from '../../app/operations';
import { appointmentEvent, contactEvent, messageEvent, noteEvent, opportunityEvent, taskEvent } from '../../sandbox/webhooks';
import { AUTH, appTester, failureOf, highlevel } from '../support/highlevel';

// The instant triggers' subscribe / unsubscribe against the relay's HTTP interface (nock), and their perform on
// HighLevel's payload shapes (built by the sandbox's webhook module from the app's samples), filters included.

const RELAY = 'https://relay.example.test';
const HOOK_URL = 'https://hooks.zapier.com/hooks/standard/1234567/abcdef/';
const instant = operations.filter((op) => op.hook);
const byKey = (key: string) => instant.find((op) => op.key === key)!;
type Item = Record<string, any>;

const subscribe = (op: Operation, inputData: Item = {}, authData: Item = AUTH): Promise<any> =>
  appTester(op.hook!.performSubscribe as any, { authData, inputData, targetUrl: HOOK_URL } as any);
const unsubscribe = (op: Operation, subscribeData: Item): Promise<any> =>
  appTester(op.hook!.performUnsubscribe as any, { authData: AUTH, inputData: {}, subscribeData } as any);
const perform = (key: string, payload: Item, inputData: Item = {}, meta: Item = {}): Promise<any> =>
  appTester(byKey(key).perform as any, { authData: AUTH, inputData, cleanedRequest: payload, meta: { timezone: 'UTC', ...meta } } as any);

/** The required filters of the triggers that have one (sent to the relay as they are). */
const REQUIRED_INPUT: Record<string, Item> = {
  object_record_created_instant: { objectKey: 'custom_objects.pet' },
  object_record_updated_instant: { objectKey: 'custom_objects.pet' },
};

const envelope = (event: Item, webhookId = 'wh-1'): Item => ({
  ...event,
  webhookId,
  timestamp: '2026-03-04T10:00:00.000Z',
  appId: 'app1',
  _relay: { webhookId, receivedAt: '2026-03-04T10:00:00.250Z', attempt: 1 },
});

beforeEach(() => {
  process.env[RELAY_URL_ENV] = RELAY;
  clearLocationTokenCache();
  (appTester as any).zcacheTestObj = {};
});
afterEach(() => {
  delete process.env[RELAY_URL_ENV];
  expect(nock.pendingMocks()).toEqual([]);
});

describe('subscribe and unsubscribe at the relay', () => {
  it('has the instant triggers the issue asks for, plus New HighLevel Event', () => {
    expect(instant.map((op) => op.key).sort()).toEqual(
      [
        'new_contact_instant',
        'updated_contact_instant',
        'deleted_contact_instant',
        'contact_tag_added_instant',
        'contact_dnd_changed_instant',
        'new_note_instant',
        'new_task_instant',
        'task_completed_instant',
        'appointment_booked_instant',
        'appointment_updated_instant',
        'appointment_deleted_instant',
        'new_opportunity_instant',
        'opportunity_stage_changed_instant',
        'opportunity_status_changed_instant',
        'new_inbound_message_instant',
        'new_outbound_message_instant',
        'new_highlevel_event_instant',
        // issue 14: invoices, orders and custom object records (triggers/moneyInstant.ts)
        'invoice_paid_instant',
        'invoice_partially_paid_instant',
        'invoice_sent_instant',
        'invoice_voided_instant',
        'order_created_instant',
        'order_status_updated_instant',
        'object_record_created_instant',
        'object_record_updated_instant',
      ].sort(),
    );
  });

  it.each(instant.filter((op) => op.key !== 'new_highlevel_event_instant').map((op) => [op.key, op]))(
    '%s: POSTs the hook URL, location, its events and key with the connection token; DELETEs with the secret',
    async (_key, op) => {
      // Triggers with a required filter get it, and send it to the relay as an exact-id filter.
      const input = REQUIRED_INPUT[op.key] ?? {};
      const sub = nock(RELAY)
        .post('/v1/subscriptions', (body) => {
          expect(body).toEqual({
            targetUrl: HOOK_URL,
            locationId: AUTH.locationId,
            events: op.hook!.events,
            triggerKey: op.key,
            ...(Object.keys(input).length ? { filters: input } : {}),
          });
          return true;
        })
        .matchHeader('authorization', `Bearer ${AUTH.access_token}`)
        .reply(201, { id: 'sub-1', secret: 'sec-1' });
      const data = await subscribe(op, input);
      expect(data).toMatchObject({ id: 'sub-1', secret: 'sec-1' });
      sub.done();

      const del = nock(RELAY).delete('/v1/subscriptions/sub-1').matchHeader('authorization', 'Bearer sec-1').reply(204);
      expect(await unsubscribe(op, data)).toEqual({ id: 'sub-1', deleted: true });
      del.done();
    },
  );

  it('subscribes only to the specific event where HighLevel sends two for one change', () => {
    expect(byKey('opportunity_stage_changed_instant').hook!.events).toEqual(['OpportunityStageUpdate']);
    expect(byKey('opportunity_status_changed_instant').hook!.events).toEqual(['OpportunityStatusUpdate']);
    expect(byKey('new_opportunity_instant').hook!.events).toEqual(['OpportunityCreate']);
  });

  it('New HighLevel Event subscribes to the chosen event only', async () => {
    nock(RELAY)
      .post('/v1/subscriptions', (body) => body.events.length === 1 && body.events[0] === 'InvoicePaid')
      .reply(201, { id: 'sub-2', secret: 'sec-2' });
    expect(await subscribe(byKey('new_highlevel_event_instant'), { eventType: 'InvoicePaid' })).toMatchObject({ id: 'sub-2' });
    const error = await failureOf(subscribe(byKey('new_highlevel_event_instant'), { eventType: 'NoSuchEvent' }));
    expect(error.message).toMatch(/Event \(eventType\)/);
  });

  it('sends exact-id filters to the relay (pipeline and stage), nothing blank', async () => {
    nock(RELAY)
      .post('/v1/subscriptions', (body) => {
        expect(body.filters).toEqual({ pipelineId: pipelineSample.id, pipelineStageId: 'stg-2' });
        return true;
      })
      .reply(201, { id: 'sub-3', secret: 'sec-3' });
    await subscribe(byKey('opportunity_stage_changed_instant'), { pipelineId: pipelineSample.id, pipelineStageId: 'stg-2', ignored: '' });
  });

  it('on an agency connection: the chosen location and its exchanged token', async () => {
    const agency = {
      access_token: 'agency-at-secret-0987654321',
      refresh_token: 'agency-rt-x',
      userType: 'Company',
      companyId: 'cmp_8XyQ1z',
    };
    highlevel()
      .post('/oauth/locationToken')
      .matchHeader('authorization', `Bearer ${agency.access_token}`)
      .reply(201, { access_token: 'loc-token-from-exchange', expires_in: 86399, locationId: 'loc_Chosen1' });
    nock(RELAY)
      .post('/v1/subscriptions', (body) => body.locationId === 'loc_Chosen1')
      .matchHeader('authorization', 'Bearer loc-token-from-exchange')
      .reply(201, { id: 'sub-4', secret: 'sec-4' });
    expect(await subscribe(byKey('new_contact_instant'), { locationId: 'loc_Chosen1' }, agency)).toMatchObject({
      id: 'sub-4',
      locationId: 'loc_Chosen1',
    });
    // Without a chosen location the zap cannot be turned on.
    expect((await failureOf(subscribe(byKey('new_contact_instant'), {}, agency))).message).toMatch(/Location \(locationId\) is required/);
  });

  it('without the relay URL, turning the zap on fails saying how to deploy and configure the relay', async () => {
    delete process.env[RELAY_URL_ENV];
    const error = await failureOf(subscribe(byKey('new_contact_instant')));
    expect(error.message).toMatch(/Instant triggers need the webhook relay/);
    expect(error.message).toMatch(/zapier-platform env:set <version> GHL_RELAY_URL=/);
    expect(error.message).toMatch(/\/v1\/highlevel\/webhook/);
    expect(error.message).toMatch(/polling version/);
  });

  it('a relay refusal names what to do and never shows the token or the hook URL', async () => {
    nock(RELAY).post('/v1/subscriptions').reply(401, { error: 'unauthorized', message: 'HighLevel rejected the token (401).' });
    let error = await failureOf(subscribe(byKey('new_contact_instant')));
    expect(error.message).toMatch(/HighLevel did not accept this connection for location .* reconnect HighLevel/);
    expect(error.name).toBe('RefreshAuthError');
    nock(RELAY).post('/v1/subscriptions').reply(400, { error: 'bad_request', message: 'targetUrl must be a Zapier hook URL' });
    error = await failureOf(subscribe(byKey('new_contact_instant')));
    expect(error.message).toBe('The instant-trigger relay refused to subscribe (status 400): targetUrl must be a Zapier hook URL.');
    nock(RELAY).post('/v1/subscriptions').reply(503, 'down');
    error = await failureOf(subscribe(byKey('new_contact_instant')));
    expect(error.message).toMatch(/failed to subscribe \(status 503\).*\/status page/);
    nock(RELAY)
      .post('/v1/subscriptions')
      .replyWithError({ code: 'ECONNREFUSED', message: `connect ECONNREFUSED ${AUTH.access_token}` });
    error = await failureOf(subscribe(byKey('new_contact_instant')));
    expect(error.message).toMatch(
      /Could not subscribe at the instant-trigger relay \(https:\/\/relay.example.test\): the connection failed/,
    );
    for (const e of [error]) expect(JSON.stringify(e)).not.toContain(AUTH.access_token);
  });

  it('unsubscribing a subscription the relay no longer has (410 from the hook, or removed) still turns the zap off', async () => {
    nock(RELAY).delete('/v1/subscriptions/gone').reply(404, { error: 'not_found' });
    expect(await unsubscribe(byKey('new_contact_instant'), { id: 'gone', secret: 's' })).toEqual({ id: 'gone', deleted: true });
    nock(RELAY).delete('/v1/subscriptions/x').reply(401, { error: 'unauthorized', message: 'Wrong subscription secret.' });
    expect((await failureOf(unsubscribe(byKey('new_contact_instant'), { id: 'x', secret: 'bad' }))).message).toMatch(
      /refused to unsubscribe \(status 401\): Wrong subscription secret/,
    );
    // Nothing subscribed (turning on had failed): nothing to undo, no request.
    expect(await unsubscribe(byKey('new_contact_instant'), {})).toEqual({ id: null, deleted: false });
  });
});

describe('perform: the payload shaped like the polling twin, filters applied', () => {
  const contact = { ...contactSample, customFields: [] };
  const keysOf = (op: Operation) => (op.def.outputFields ?? []).map((f) => f.key);

  it('New Contact: the contact, keys of its polling twin', async () => {
    const [out] = await perform('new_contact_instant', envelope(contactEvent('ContactCreate', contact)));
    expect(out).toMatchObject({ id: contact.id, email: contact.email, tags: contact.tags, locationId: contact.locationId });
    for (const k of ['type', '_relay', 'webhookId', 'attachments', 'appId']) expect(out).not.toHaveProperty(k);
    // Every twin output key the webhook documents (it has no timezone; dateUpdated is the event time).
    const documented = contactEvent('ContactCreate', contactSample);
    const twinKeys = keysOf(operations.find((o) => o.key === 'new_contact')!).filter(
      (k) => documented[k] !== undefined || k === 'dateUpdated',
    );
    for (const k of twinKeys) expect([k, out[k] !== undefined]).toEqual([k, true]);
  });

  it('an event of another type yields nothing', async () => {
    expect(await perform('new_contact_instant', envelope(contactEvent('ContactUpdate', contact)))).toEqual([]);
    expect(await perform('new_contact_instant', {})).toEqual([]);
  });

  it('Contact Updated and DND Changed: one item per change (id = contact + change time), contactId kept', async () => {
    const [updated] = await perform('updated_contact_instant', envelope(contactEvent('ContactUpdate', contact)));
    expect(updated).toMatchObject({
      id: `${contact.id}_2026-03-04T10:00:00.000Z`,
      contactId: contact.id,
      dateUpdated: '2026-03-04T10:00:00.000Z',
    });
    const [dnd] = await perform(
      'contact_dnd_changed_instant',
      envelope(contactEvent('ContactDndUpdate', { ...contact, dnd: true, dndSettings: { SMS: { status: 'active' } } })),
    );
    expect(dnd).toMatchObject({ contactId: contact.id, dnd: true, dndSettings: { SMS: { status: 'active' } } });
  });

  it('Contact Deleted: the contact as it was, with the deletion time', async () => {
    expect(await perform('deleted_contact_instant', envelope(contactEvent('ContactDelete', contact)))).toEqual([
      expect.objectContaining({ id: contact.id, deletedAt: '2026-03-04T10:00:00.000Z' }),
    ]);
  });

  it('Contact Tag Added: one item per tag the relay found added; the tag filter; the whole list when the relay did not compute it', async () => {
    const payload = envelope(contactEvent('ContactTagUpdate', { ...contact, tags: ['lead', 'vip', 'plumbing'] }));
    payload._relay = { ...payload._relay, tagsAdded: ['vip', 'plumbing'] };
    const all = await perform('contact_tag_added_instant', payload);
    expect(all.map((i: Item) => [i.id, i.tag, i.contactId])).toEqual([
      [`${contact.id}_vip`, 'vip', contact.id],
      [`${contact.id}_plumbing`, 'plumbing', contact.id],
    ]);
    expect((await perform('contact_tag_added_instant', payload, { tag: 'VIP' })).map((i: Item) => i.tag)).toEqual(['vip']);
    expect(await perform('contact_tag_added_instant', payload, { tag: 'lead' })).toEqual([]); // present before, not added
    payload._relay = { ...payload._relay, tagsAdded: [] };
    expect(await perform('contact_tag_added_instant', payload)).toEqual([]); // tags removed or unchanged
    const { _relay, ...withoutRelay } = payload;
    expect((await perform('contact_tag_added_instant', withoutRelay)).map((i: Item) => i.tag)).toEqual(['lead', 'vip', 'plumbing']);
  });

  it('New Note: location-wide; the author the webhook lacks comes from one read of the note', async () => {
    const note = highlevel()
      .get(`/contacts/${noteSample.contactId}/notes/${noteSample.id}`)
      .reply(200, { note: { ...noteSample } });
    const [out] = await perform('new_note_instant', envelope(noteEvent('NoteCreate', noteSample, AUTH.locationId)));
    expect(out).toMatchObject({
      id: noteSample.id,
      body: noteSample.body,
      contactId: noteSample.contactId,
      userId: noteSample.userId,
      dateAdded: noteSample.dateAdded,
    });
    note.done();
    // The read failing keeps the note as the webhook carried it.
    highlevel().get(`/contacts/${noteSample.contactId}/notes/${noteSample.id}`).reply(500, { message: 'boom' });
    const [thin] = await perform('new_note_instant', envelope(noteEvent('NoteCreate', noteSample, AUTH.locationId)));
    expect(thin).toMatchObject({ id: noteSample.id, body: noteSample.body });
    expect(thin.userId).toBeUndefined();
  });

  it('New Task: a TaskCreate without contactId and body (#332) is completed by one task search; assignee filter', async () => {
    const search = highlevel()
      .post(`/locations/${AUTH.locationId}/tasks/search`, (body) => body.query === taskSample.title && body.completed === undefined)
      .reply(200, { tasks: [{ _id: taskSample.id, ...taskSample, id: undefined }] });
    const payload = envelope(taskEvent('TaskCreate', { ...taskSample, dateAdded: '2026-03-04T09:00:00.000Z' }, AUTH.locationId));
    expect(payload.contactId).toBeUndefined();
    const [out] = await perform('new_task_instant', payload);
    expect(out).toMatchObject({
      id: taskSample.id,
      contactId: taskSample.contactId,
      body: taskSample.body,
      completed: false,
      title: taskSample.title,
    });
    search.done();
    expect(await perform('new_task_instant', payload, { assignedTo: 'someone-else' })).toEqual([]);
  });

  it('Task Completed: the task with its contact, completed, no request', async () => {
    const [out] = await perform(
      'task_completed_instant',
      envelope(taskEvent('TaskComplete', { ...taskSample, completed: true }, AUTH.locationId)),
    );
    expect(out).toMatchObject({ id: taskSample.id, contactId: taskSample.contactId, completed: true });
  });

  it("Appointments: the nested appointment in the zap's time zone; Updated keyed per change with a status filter; calendar filter", async () => {
    const appointment = {
      ...appointmentSample,
      startTime: '2026-03-10T13:00:00.000Z',
      endTime: '2026-03-10T13:30:00.000Z',
      dateUpdated: '2026-03-04T09:30:00.000Z',
    };
    const [booked] = await perform(
      'appointment_booked_instant',
      envelope(appointmentEvent('AppointmentCreate', appointment)),
      {},
      { timezone: 'America/New_York' },
    );
    expect(booked).toMatchObject({
      id: appointment.id,
      calendarId: appointment.calendarId,
      contactId: appointment.contactId,
      startTime: '2026-03-10T09:00:00-04:00',
    });
    expect(
      await perform('appointment_booked_instant', envelope(appointmentEvent('AppointmentCreate', appointment)), { calendarId: 'other' }),
    ).toEqual([]);

    const cancelled = envelope(appointmentEvent('AppointmentUpdate', { ...appointment, appointmentStatus: 'cancelled' }));
    const [change] = await perform('appointment_updated_instant', cancelled, { appointmentStatus: 'cancelled' });
    expect(change).toMatchObject({
      id: `${appointment.id}_2026-03-04T09:30:00.000Z`,
      appointmentId: appointment.id,
      appointmentStatus: 'cancelled',
    });
    expect(await perform('appointment_updated_instant', cancelled, { appointmentStatus: 'showed' })).toEqual([]);
    expect(await perform('appointment_deleted_instant', envelope(appointmentEvent('AppointmentDelete', appointment)))).toEqual([
      expect.objectContaining({ id: appointment.id }),
    ]);
  });

  describe('opportunities: one read of the record, names from the cached pipelines', () => {
    const event = (type: string, changes: Item = {}) => envelope(opportunityEvent(type, { ...opportunitySample, ...changes }));
    const expectRead = () => highlevel().get(`/opportunities/${opportunitySample.id}`).reply(200, { opportunity: opportunitySample });
    const expectPipelines = () =>
      highlevel()
        .get('/opportunities/pipelines')
        .query(true)
        .reply(200, { pipelines: [pipelineSample] });
    const expectCustomFields = () =>
      highlevel().get(`/locations/${AUTH.locationId}/customFields`).query({ model: 'opportunity' }).reply(200, { customFields: [] });

    it('New Opportunity: the twin’s shape (contact, names), pipeline filter without any request', async () => {
      expectRead();
      expectPipelines();
      expectCustomFields();
      const [out] = await perform('new_opportunity_instant', event('OpportunityCreate'));
      expect(out).toMatchObject({
        id: opportunitySample.id,
        contact: { name: 'Rosa Delgado' },
        pipelineName: pipelineSample.name,
        createdAt: opportunitySample.createdAt,
      });
      expect(await perform('new_opportunity_instant', event('OpportunityCreate'), { pipelineId: 'another' })).toEqual([]);
    });

    it('Stage Changed: fires for the stage event only, keyed per move, stage filter; Status Changed likewise', async () => {
      const stage = pipelineSample.stages[1];
      expectRead();
      expectPipelines();
      expectCustomFields();
      const [moved] = await perform('opportunity_stage_changed_instant', event('OpportunityStageUpdate', { pipelineStageId: stage.id }), {
        pipelineStageId: stage.id,
      });
      expect(moved).toMatchObject({
        id: `${opportunitySample.id}_${stage.id}_2026-03-04T10:00:00.000Z`,
        opportunityId: opportunitySample.id,
        pipelineStageId: stage.id,
        pipelineStageName: stage.name,
        lastStageChangeAt: '2026-03-04T10:00:00.000Z',
      });
      // The OpportunityUpdate HighLevel sends with it is not this trigger's event; another stage is filtered out.
      expect(await perform('opportunity_stage_changed_instant', event('OpportunityUpdate', { pipelineStageId: stage.id }))).toEqual([]);
      expect(
        await perform('opportunity_stage_changed_instant', event('OpportunityStageUpdate', { pipelineStageId: stage.id }), {
          pipelineStageId: 'other-stage',
        }),
      ).toEqual([]);

      expectRead();
      const [won] = await perform('opportunity_status_changed_instant', event('OpportunityStatusUpdate', { status: 'won' }), {
        status: 'won',
      });
      expect(won).toMatchObject({
        id: `${opportunitySample.id}_won_2026-03-04T10:00:00.000Z`,
        status: 'won',
        opportunityId: opportunitySample.id,
      });
      expect(
        await perform('opportunity_status_changed_instant', event('OpportunityStatusUpdate', { status: 'lost' }), { status: 'won' }),
      ).toEqual([]);
    });
  });

  it('Messages: TYPE_* message types and a channel filter; direction from the event; SMS without messageId keyed by the webhook', async () => {
    const sms = envelope(messageEvent('InboundMessage', { ...messageSample, messageType: 'TYPE_SMS' }), 'wh-sms');
    delete sms.messageId;
    const [inbound] = await perform('new_inbound_message_instant', sms);
    expect(inbound).toMatchObject({
      id: 'wh-sms',
      messageType: 'TYPE_SMS',
      channel: 'SMS',
      direction: 'inbound',
      body: messageSample.body,
      conversationId: messageSample.conversationId,
    });
    expect(await perform('new_inbound_message_instant', sms, { channel: 'Email' })).toEqual([]);
    const call = envelope({
      type: 'OutboundMessage',
      locationId: AUTH.locationId,
      messageType: 'CALL',
      messageId: 'msg-call',
      direction: 'inbound',
      status: 'completed',
      callDuration: 120,
    });
    expect(await perform('new_outbound_message_instant', call, { channel: 'Call' })).toEqual([
      expect.objectContaining({ id: 'msg-call', messageType: 'TYPE_CALL', channel: 'Call', direction: 'outbound', callDuration: 120 }),
    ]);
  });

  it('New HighLevel Event: any event flattened into labelled fields; the record id from where the event keeps it', async () => {
    const invoice = envelope({
      type: 'InvoicePaid',
      altId: AUTH.locationId,
      altType: 'location',
      _id: 'inv_1',
      status: 'paid',
      total: 120,
      contactDetails: { id: 'c1', name: 'Rosa' },
    });
    const [out] = await perform('new_highlevel_event_instant', invoice, { eventType: 'InvoicePaid' });
    expect(out).toMatchObject({
      id: 'inv_1',
      _id: 'inv_1',
      type: 'InvoicePaid',
      total: 120,
      contactDetails__id: 'c1',
      contactDetails__name: 'Rosa',
      webhookId: 'wh-1',
    });
    expect(out).not.toHaveProperty('_relay');
    expect(await perform('new_highlevel_event_instant', invoice, { eventType: 'InvoiceVoid' })).toEqual([]);
    const appt = envelope(appointmentEvent('AppointmentCreate', appointmentSample));
    expect((await perform('new_highlevel_event_instant', appt, { eventType: 'AppointmentCreate' }))[0]).toMatchObject({
      id: appointmentSample.id,
      appointment__calendarId: appointmentSample.calendarId,
    });
    const fields = await appTester(
      byKey('new_highlevel_event_instant').definition.operation.outputFields.find((f: unknown) => typeof f === 'function'),
      { inputData: { eventType: 'InvoicePaid' } } as any,
    );
    expect(fields).toEqual(
      expect.arrayContaining([
        { key: 'contactDetails__name', label: 'Contact Name' },
        { key: 'amountPaid', label: 'Amount Paid' },
      ]),
    );
  });
});
