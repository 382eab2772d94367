import { createAppTester } from 'zapier-platform-core';
import { Sandbox } from '../../sandbox/server';
import App from '../../app/index';
import { operation } from '../support/highlevel';
import { call, checkedSandbox, tokenFor } from '../sandbox/support';

// The app's calendar operations, through the Zapier runtime, against the sandbox over HTTP: the sandbox checks
// every request against the spec, and every response is checked against the spec's response schema.
const appTester = createAppTester(App);
let sandbox: Sandbox;
let violations: string[];
let authData: Record<string, string>;

beforeAll(async () => {
  ({ sandbox, violations } = await checkedSandbox());
  process.env.GHL_API_BASE_URL = sandbox.url;
  authData = {
    access_token: tokenFor(sandbox),
    refresh_token: 'unused',
    locationId: sandbox.state.locationId,
    companyId: sandbox.state.companyId,
  };
});
afterAll(async () => {
  delete process.env.GHL_API_BASE_URL;
  await sandbox.close();
});
afterEach(() => expect(violations.splice(0)).toEqual([]));

const runOp = (key: string, inputData: Record<string, unknown>, meta: Record<string, unknown> = {}) =>
  appTester(operation(key).perform as any, { authData, inputData, meta } as any) as Promise<any>;

describe('calendars in the sandbox', () => {
  it('answers calendar routes only with the calendars Version and a calendar, user or group for events', async () => {
    const token = authData.access_token;
    const loc = sandbox.state.locationId;
    expect((await call(sandbox, 'GET', `/calendars/?locationId=${loc}`, { token })).status).toBe(422); // Version 2021-07-28
    expect((await call(sandbox, 'GET', `/calendars/?locationId=${loc}`, { token, version: '2021-04-15' })).status).toBe(200);
    const noOwner = await call(sandbox, 'GET', `/calendars/events?locationId=${loc}&startTime=0&endTime=1`, {
      token,
      version: '2021-04-15',
    });
    expect(noOwner.status).toBe(422);
  });

  it('lists the seeded calendar, books a slot found by Find Free Slots, and sees it in New Appointment', async () => {
    const [calendar] = await runOp('calendar_list', {});
    expect(calendar).toMatchObject({ name: 'Discovery Call' });

    const zone = 'America/Chicago';
    const found = await runOp(
      'find_free_slots',
      { calendarId: calendar.id, startDate: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10), endDate: '' },
      { timezone: zone },
    );
    expect(found).toHaveLength(1); // one result carrying every slot: Zapier uses a search's first result only
    const { slots } = found[0];
    expect(found[0]).toMatchObject({
      id: slots[0].start,
      firstStart: slots[0].start,
      firstEnd: slots[0].end,
      count: slots.length,
      timezone: zone,
    });
    expect(slots[0].start).toMatch(/^\d{4}-\d{2}-\d{2}T(09|1\d):(00|30):00-0[56]:00$/);
    expect(slots[0].label).toMatch(/ – .* C[DS]T$/);
    expect(found[0].slotsText.split('\n')).toEqual(slots.map((s: any) => s.label));

    const contact = sandbox.state.contactsOf(sandbox.state.locationId)[0];
    const booked = await runOp(
      'create_appointment',
      { calendarId: calendar.id, contactId: contact.id, startTime: slots[0].start, title: 'Sandbox call' },
      { timezone: zone },
    );
    expect(booked).toMatchObject({
      calendarId: calendar.id,
      contactId: contact.id,
      startTime: slots[0].start,
      endTime: slots[0].end,
      title: 'Sandbox call',
    });

    // The slot is taken now.
    const after = await runOp('find_free_slots', { calendarId: calendar.id, startDate: slots[0].date }, { timezone: zone });
    expect((after[0]?.slots ?? []).map((s: any) => s.start)).not.toContain(slots[0].start);

    const polled = await runOp('new_appointment', { calendarId: calendar.id }, { timezone: zone });
    expect(polled[0]).toMatchObject({ id: booked.id, startTime: slots[0].start });

    // A local time (no offset) is read in the zap's zone: the sandbox calendar has no zone of its own.
    const moved = await runOp('update_appointment', { appointmentId: booked.id, startTime: `${slots[0].date} 16:00` }, { timezone: zone });
    expect(moved.startTime).toMatch(new RegExp(`^${slots[0].date}T16:00:00-0[56]:00$`));
    const updates = await runOp('updated_appointment', { calendarId: calendar.id }, { timezone: zone });
    expect(updates[0]).toMatchObject({ appointmentId: booked.id });

    expect(await runOp('find_appointment', { appointmentId: booked.id })).toMatchObject([{ id: booked.id }]);
    expect(await runOp('delete_appointment', { appointmentId: booked.id })).toEqual({ id: booked.id, deleted: true });
    expect(await runOp('find_appointment', { appointmentId: booked.id })).toEqual([]);
  });
});
