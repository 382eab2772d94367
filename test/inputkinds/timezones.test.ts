import nock from 'nock';
import { AUTH, appTester, expectContractClean, highlevel, operation, run } from '../support/highlevel';

// Issue 10, kind 4: a date-time without an offset is read in the calendar's zone, else the sub-account's
// (location `timezone`), else the zap's, else UTC — for every date-time input.
afterEach(() => {
  nock.cleanAll();
  expectContractClean();
});
beforeEach(() => {
  const cache = (appTester as unknown as { zcacheTestObj: Record<string, unknown> }).zcacheTestObj;
  for (const key of Object.keys(cache)) delete cache[key];
});

const zap = (timezone: string) => ({ meta: { timezone } });
const location = (timezone: string) =>
  highlevel()
    .get(`/locations/${AUTH.locationId}`)
    .reply(200, { location: { id: AUTH.locationId, name: 'Delgado Plumbing', timezone } });
const calendar = (timezone?: string) =>
  highlevel()
    .get('/calendars/cal_1')
    .reply(200, { calendar: { id: 'cal_1', name: 'Installs', locationId: AUTH.locationId, ...(timezone ? { timezone } : {}) } });

describe('Create Appointment', () => {
  it('start 2026-12-01 09:00, calendar without zone, location America/Los_Angeles, zap America/New_York → -08:00', async () => {
    calendar();
    location('America/Los_Angeles');
    let sent: any;
    highlevel()
      .post('/calendars/events/appointments', (body) => ((sent = body), true))
      .reply(201, { id: 'ev_1', calendarId: 'cal_1', startTime: '2026-12-01T17:00:00.000Z' });
    await run(
      operation('create_appointment'),
      { calendarId: 'cal_1', contactId: 'c_12345', startTime: '2026-12-01 09:00' },
      zap('America/New_York'),
    );
    expect(sent.startTime).toBe('2026-12-01T09:00:00-08:00');
  });

  it("the calendar's own zone wins over the location's", async () => {
    calendar('Europe/Berlin');
    let sent: any;
    highlevel()
      .post('/calendars/events/appointments', (body) => ((sent = body), true))
      .reply(201, { id: 'ev_1', calendarId: 'cal_1' });
    await run(
      operation('create_appointment'),
      { calendarId: 'cal_1', contactId: 'c_12345', startTime: '2026-12-01 09:00' },
      zap('America/New_York'),
    );
    expect(sent.startTime).toBe('2026-12-01T09:00:00+01:00');
  });

  it("without calendar or location zone: the zap's; without any: UTC", async () => {
    calendar();
    location('');
    let sent: any;
    highlevel()
      .post('/calendars/events/appointments', (body) => ((sent = body), true))
      .reply(201, { id: 'ev_1' });
    await run(
      operation('create_appointment'),
      { calendarId: 'cal_1', contactId: 'c_12345', startTime: '2026-12-01 09:00' },
      zap('America/New_York'),
    );
    expect(sent.startTime).toBe('2026-12-01T09:00:00-05:00');
  });
});

describe('other date-time inputs', () => {
  it('Create Blocked Slot reads its times in the location zone', async () => {
    calendar();
    location('America/Los_Angeles');
    let sent: any;
    highlevel()
      .post('/calendars/events/block-slots', (body) => ((sent = body), true))
      .reply(201, { id: 'bs_1', calendarId: 'cal_1' });
    await run(
      operation('create_blocked_slot'),
      { calendarId: 'cal_1', startTime: '2026-07-01 12:00', endTime: '2026-07-01 13:00' },
      zap('UTC'),
    );
    expect(sent).toMatchObject({ startTime: '2026-07-01T12:00:00-07:00', endTime: '2026-07-01T13:00:00-07:00' });
  });

  it('Create Task: due 2026-12-01 09:00 in the location zone (America/Los_Angeles), not the zap zone', async () => {
    location('America/Los_Angeles');
    let sent: any;
    highlevel()
      .post('/contacts/c_12345/tasks', (body) => ((sent = body), true))
      .reply(201, { task: { id: 't_1', title: 'Call back', dueDate: '2026-12-01T17:00:00.000Z' } });
    await run(operation('create_task'), { contactId: 'c_12345', title: 'Call back', dueDate: '2026-12-01 09:00' }, zap('America/New_York'));
    expect(sent.dueDate).toBe('2026-12-01T17:00:00.000Z');
  });

  it('Send SMS scheduled at a wall-clock time: the location zone, across the DST change', async () => {
    location('Europe/London');
    let sent: any;
    highlevel()
      .post('/conversations/messages', (body) => ((sent = body), true))
      .reply(200, { conversationId: 'cv_1', messageId: 'm_1' });
    await run(operation('send_sms'), { contactId: 'c_12345', message: 'Hi', scheduledAt: '2026-07-01 09:00' }, zap('America/New_York'));
    expect(sent.scheduledTimestamp).toBe(Date.parse('2026-07-01T08:00:00Z') / 1000);
  });

  it('Find Free Slots: a From date without zone is the location day', async () => {
    calendar();
    location('America/Los_Angeles');
    let query: any;
    highlevel()
      .get('/calendars/cal_1/free-slots')
      .query((q) => ((query = q), true))
      .reply(200, {});
    await run(
      operation('find_free_slots'),
      { calendarId: 'cal_1', startDate: '2026-12-01', endDate: '2026-12-01' },
      zap('America/New_York'),
    );
    expect(Number(query.startDate)).toBe(Date.parse('2026-12-01T08:00:00Z'));
    expect(query.timezone).toBe('America/Los_Angeles');
  });

  it('a value with an offset is kept as that moment (no location read)', async () => {
    let sent: any;
    highlevel()
      .post('/contacts/c_12345/tasks', (body) => ((sent = body), true))
      .reply(201, { task: { id: 't_1' } });
    await run(
      operation('create_task'),
      { contactId: 'c_12345', title: 'Call', dueDate: '2026-12-01T09:00:00+02:00' },
      zap('America/New_York'),
    );
    expect(sent.dueDate).toBe('2026-12-01T07:00:00.000Z');
  });

  it('help text of every date-time input says which zone applies', () => {
    const fields = ['create_task', 'send_sms', 'create_appointment'].flatMap((key) =>
      (operation(key).definition.operation.inputFields as any[]).filter(
        (f) => typeof f === 'object' && ['dueDate', 'scheduledAt', 'startTime'].includes(f.key),
      ),
    );
    expect(fields).toHaveLength(3);
    for (const f of fields) expect(f.helpText).toMatch(/sub-account's time zone/);
  });
});
