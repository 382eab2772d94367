import { calendarSample } from '../../src/fields/calendar';
import { appointmentSample, savedAppointmentSample } from '../../src/fields/appointment';
import { AUTH, highlevel, operation, run } from '../support/highlevel';

// Every calendars.json operation declares Version 2021-04-15: an interceptor without it does not match.
const calendars = () => highlevel().matchHeader('version', '2021-04-15').matchHeader('authorization', `Bearer ${AUTH.access_token}`);

const NOW = Date.parse('2026-03-05T12:00:00Z');
const DAY = 86_400_000;
const WINDOW = { startTime: String(NOW - 30 * DAY), endTime: String(NOW + 90 * DAY) };

const event = (id: string, dateAdded: string, dateUpdated = dateAdded, extra: Record<string, unknown> = {}) => ({
  ...appointmentSample,
  id,
  startTime: '2026-03-10T13:00:00.000Z',
  endTime: '2026-03-10T13:30:00.000Z',
  dateAdded,
  dateUpdated,
  ...extra,
});

const calendarWith = (timezone?: string) => ({ calendar: { ...calendarSample, id: 'cal1', ...(timezone ? { timezone } : {}) } });

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

describe('New Appointment / Updated Appointment triggers', () => {
  it('New Appointment reads the calendar over the rolling window (30 days back, 90 ahead, epoch ms), newest booking first', async () => {
    const scope = calendars()
      .get('/calendars/events')
      .query({ locationId: AUTH.locationId, calendarId: 'cal1', ...WINDOW })
      .reply(200, {
        events: [
          event('a1', '2026-03-01T10:00:00.000Z'),
          event('a3', '2026-03-04T10:00:00.000Z'),
          event('a2', '2026-03-02T10:00:00+05:30'),
        ],
      });
    const results = await run(operation('new_appointment'), { calendarId: 'cal1' }, { meta: { timezone: 'America/New_York' } });
    expect(results.map((e: any) => e.id)).toEqual(['a3', 'a2', 'a1']);
    // Dates leave as ISO-8601 with the zap's offset.
    expect(results[0]).toMatchObject({ startTime: '2026-03-10T09:00:00-04:00', dateAdded: '2026-03-04T05:00:00-05:00' });
    expect(results[1].dateAdded).toBe('2026-03-01T23:30:00-05:00');
    scope.done();
  });

  it('watches a user or a group when no calendar is chosen', async () => {
    calendars()
      .get('/calendars/events')
      .query({ locationId: AUTH.locationId, userId: 'u1', ...WINDOW })
      .reply(200, { events: [] });
    expect(await run(operation('new_appointment'), { userId: 'u1' })).toEqual([]);
    calendars()
      .get('/calendars/events')
      .query({ locationId: AUTH.locationId, groupId: 'g1', ...WINDOW })
      .reply(200, { events: [] });
    expect(await run(operation('updated_appointment'), { groupId: 'g1' })).toEqual([]);
  });

  it('refuses to poll without a calendar, user or group, naming the fields, before any request', async () => {
    await expect(run(operation('new_appointment'), {})).rejects.toThrow(
      /Calendar \(calendarId\), User \(userId\) or Calendar Group \(groupId\)/,
    );
  });

  it('Updated Appointment yields one item per change, newest change first', async () => {
    calendars()
      .get('/calendars/events')
      .query({ locationId: AUTH.locationId, calendarId: 'cal1', ...WINDOW })
      .reply(200, {
        events: [
          event('a1', '2026-03-01T10:00:00.000Z', '2026-03-04T09:00:00.000Z'),
          event('a2', '2026-03-02T10:00:00.000Z', '2026-03-03T09:00:00.000Z'),
        ],
      });
    const results = await run(operation('updated_appointment'), { calendarId: 'cal1' }, { meta: { timezone: 'Asia/Kolkata' } });
    expect(results.map((e: any) => [e.id, e.appointmentId])).toEqual([
      ['a1_2026-03-04T09:00:00.000Z', 'a1'],
      ['a2_2026-03-03T09:00:00.000Z', 'a2'],
    ]);
    // Output dates follow the zap's zone; the change id keeps HighLevel's value, so it survives a zone change.
    expect(results[0].dateUpdated).toBe('2026-03-04T14:30:00+05:30');
  });

  it('New Blocked Slot reads blocked slots over the same window', async () => {
    calendars()
      .get('/calendars/blocked-slots')
      .query({ locationId: AUTH.locationId, calendarId: 'cal1', ...WINDOW })
      .reply(200, { events: [event('b1', '2026-03-01T10:00:00.000Z'), event('b2', '2026-03-03T10:00:00.000Z')] });
    const results = await run(operation('new_blocked_slot'), { calendarId: 'cal1' });
    expect(results.map((e: any) => e.id)).toEqual(['b2', 'b1']);
  });

  it('the appointment dropdown lists the calendar’s appointments soonest first with a readable name', async () => {
    calendars()
      .get('/calendars/events')
      .query({ locationId: AUTH.locationId, calendarId: 'cal1', ...WINDOW })
      .reply(200, {
        events: [
          event('late', '2026-03-01T10:00:00.000Z', undefined, { startTime: '2026-03-12T14:00:00.000Z', title: 'Follow-up' }),
          event('soon', '2026-03-02T10:00:00.000Z', undefined, { title: 'Discovery Call' }),
        ],
      });
    const results = await run(operation('appointment_list'), { calendarId: 'cal1' }, { meta: { timezone: 'America/New_York' } });
    expect(results.map((e: any) => [e.id, e.name])).toEqual([
      ['soon', 'Discovery Call – Tue, Mar 10, 2026, 9:00 AM EDT'],
      ['late', 'Follow-up – Thu, Mar 12, 2026, 10:00 AM EDT'],
    ]);
  });
});

describe('Create Appointment: time zones', () => {
  const body = { locationId: AUTH.locationId, calendarId: 'cal1', contactId: 'c1', title: 'Discovery Call' };
  const reply = {
    ...savedAppointmentSample,
    id: 'a1',
    calendarId: 'cal1',
    startTime: '2026-03-10T13:00:00.000Z',
    endTime: '2026-03-10T13:30:00.000Z',
  };

  it("reads a time without an offset in the calendar's time zone and sends ISO with offset", async () => {
    const scope = calendars()
      .get('/calendars/cal1')
      .reply(200, calendarWith('America/New_York'))
      .post('/calendars/events/appointments', { ...body, startTime: '2026-03-10T09:00:00-04:00', endTime: '2026-03-10T09:30:00-04:00' })
      .reply(200, reply);
    const result = await run(
      operation('create_appointment'),
      { calendarId: 'cal1', contactId: 'c1', startTime: '2026-03-10 09:00', endTime: '2026-03-10T09:30', title: 'Discovery Call' },
      { meta: { timezone: 'Europe/Berlin' } },
    );
    expect(result).toMatchObject({ id: 'a1', startTime: '2026-03-10T09:00:00-04:00', endTime: '2026-03-10T09:30:00-04:00' });
    scope.done();
  });

  it("falls back to the zap's time zone when the calendar has none", async () => {
    calendars()
      .get('/calendars/cal1')
      .reply(200, calendarWith())
      .post('/calendars/events/appointments', { ...body, startTime: '2026-03-10T09:00:00+05:30' })
      .reply(200, reply);
    const result = await run(
      operation('create_appointment'),
      { calendarId: 'cal1', contactId: 'c1', startTime: '2026-03-10T09:00:00', title: 'Discovery Call' },
      { meta: { timezone: 'Asia/Kolkata' } },
    );
    expect(result.startTime).toBe('2026-03-10T18:30:00+05:30');
  });

  it('falls back to UTC when neither the calendar nor the zap has a time zone', async () => {
    calendars()
      .get('/calendars/cal1')
      .reply(200, calendarWith())
      .post('/calendars/events/appointments', { ...body, startTime: '2026-03-10T09:00:00+00:00' })
      .reply(200, reply);
    await run(operation('create_appointment'), {
      calendarId: 'cal1',
      contactId: 'c1',
      startTime: '2026-03-10 09:00',
      title: 'Discovery Call',
    });
  });

  it('keeps a time with an offset as that instant, without reading the calendar', async () => {
    const scope = calendars()
      .post('/calendars/events/appointments', { ...body, startTime: '2026-03-10T09:00:00+01:00' })
      .reply(200, reply);
    await run(
      operation('create_appointment'),
      { calendarId: 'cal1', contactId: 'c1', startTime: '2026-03-10T08:00:00Z', title: 'Discovery Call' },
      { meta: { timezone: 'Europe/Berlin' } },
    );
    scope.done();
  });

  it('moves a local time inside a spring-forward gap forward by the gap (02:30 → 03:30 EDT)', async () => {
    calendars()
      .get('/calendars/cal1')
      .reply(200, calendarWith('America/New_York'))
      .post('/calendars/events/appointments', { ...body, startTime: '2026-03-08T03:30:00-04:00' })
      .reply(200, reply);
    await run(operation('create_appointment'), {
      calendarId: 'cal1',
      contactId: 'c1',
      startTime: '2026-03-08 02:30',
      title: 'Discovery Call',
    });
  });

  it('sends the booking options as HighLevel names them', async () => {
    calendars()
      .post('/calendars/events/appointments', {
        ...body,
        startTime: '2026-03-10T13:00:00+00:00',
        appointmentStatus: 'confirmed',
        assignedUserId: 'u1',
        ignoreFreeSlotValidation: true,
        toNotify: false,
      })
      .reply(200, reply);
    await run(operation('create_appointment'), {
      calendarId: 'cal1',
      contactId: 'c1',
      startTime: '1773147600000',
      title: 'Discovery Call',
      appointmentStatus: 'confirmed',
      assignedUserId: 'u1',
      ignoreFreeSlotValidation: 'yes',
      toNotify: 'no',
    });
  });

  it('rejects a start time that is not a date, naming the field, before any request', async () => {
    await expect(run(operation('create_appointment'), { calendarId: 'cal1', contactId: 'c1', startTime: 'next tuesday' })).rejects.toThrow(
      /Start Time \(startTime\) must be a date and time/,
    );
    await expect(run(operation('create_appointment'), { calendarId: 'cal1', contactId: 'c1' })).rejects.toThrow(
      /Start Time \(startTime\) is required/,
    );
  });
});

describe('Update and Delete Appointment', () => {
  it("reads the appointment's calendar for its time zone when no calendar is given", async () => {
    const scope = calendars()
      .get('/calendars/events/appointments/a1')
      .reply(200, { event: event('a1', '2026-03-01T10:00:00.000Z', undefined, { calendarId: 'cal1' }) })
      .get('/calendars/cal1')
      .reply(200, calendarWith('Europe/Berlin'))
      .put('/calendars/events/appointments/a1', { startTime: '2026-03-29T03:15:00+02:00', appointmentStatus: 'confirmed' })
      .reply(200, { ...savedAppointmentSample, id: 'a1', startTime: '2026-03-29T01:15:00.000Z' });
    const result = await run(operation('update_appointment'), {
      appointmentId: 'a1',
      startTime: '2026-03-29 02:15',
      appointmentStatus: 'confirmed',
    });
    expect(result).toMatchObject({ id: 'a1', startTime: '2026-03-29T03:15:00+02:00' });
    scope.done();
  });

  it('changes only the filled fields (no time: no calendar lookup)', async () => {
    calendars()
      .put('/calendars/events/appointments/a1', { title: 'Moved call' })
      .reply(200, { ...savedAppointmentSample, id: 'a1', title: 'Moved call' });
    const result = await run(operation('update_appointment'), { appointmentId: 'a1', title: 'Moved call', endTime: '' });
    expect(result).toMatchObject({ id: 'a1', title: 'Moved call' });
  });

  it('Delete Appointment sends the empty JSON body the spec requires and echoes the id', async () => {
    calendars().delete('/calendars/events/a1', {}).reply(201, { succeeded: true });
    expect(await run(operation('delete_appointment'), { appointmentId: 'a1' })).toEqual({ id: 'a1', deleted: true });
  });

  it('Find Appointment returns the appointment, or nothing on 404', async () => {
    calendars()
      .get('/calendars/events/appointments/a1')
      .reply(200, { event: event('a1', '2026-03-01T10:00:00.000Z') });
    const [found] = await run(operation('find_appointment'), { appointmentId: 'a1' }, { meta: { timezone: 'Asia/Kolkata' } });
    expect(found).toMatchObject({ id: 'a1', startTime: '2026-03-10T18:30:00+05:30' });
    calendars().get('/calendars/events/appointments/nope').reply(404, { statusCode: 404, message: 'Not found' });
    expect(await run(operation('find_appointment'), { appointmentId: 'nope' })).toEqual([]);
  });
});

describe('blocked slots', () => {
  it("Create Blocked Slot sends the calendar's local times with offset", async () => {
    calendars()
      .get('/calendars/cal1')
      .reply(200, calendarWith('Australia/Lord_Howe'))
      .post('/calendars/events/block-slots', {
        locationId: AUTH.locationId,
        calendarId: 'cal1',
        title: 'Team offsite',
        startTime: '2026-07-15T09:00:00+10:30',
        endTime: '2026-07-15T17:00:00+10:30',
      })
      .reply(201, {
        id: 'b1',
        locationId: AUTH.locationId,
        title: 'Team offsite',
        calendarId: 'cal1',
        startTime: '2026-07-14T22:30:00.000Z',
        endTime: '2026-07-15T06:30:00.000Z',
      });
    const result = await run(operation('create_blocked_slot'), {
      calendarId: 'cal1',
      title: 'Team offsite',
      startTime: '2026-07-15 09:00',
      endTime: '2026-07-15 17:00',
    });
    expect(result).toMatchObject({ id: 'b1', startTime: '2026-07-15T09:00:00+10:30', endTime: '2026-07-15T17:00:00+10:30' });
  });

  it('Update Blocked Slot puts to the slot with the calendar and location HighLevel requires', async () => {
    calendars()
      .put('/calendars/events/block-slots/b1', { locationId: AUTH.locationId, calendarId: 'cal1', title: 'Offsite (moved)' })
      .reply(201, {
        id: 'b1',
        locationId: AUTH.locationId,
        title: 'Offsite (moved)',
        startTime: '2026-03-12T17:00:00.000Z',
        endTime: '2026-03-12T21:00:00.000Z',
      });
    const result = await run(operation('update_blocked_slot'), { calendarId: 'cal1', blockedSlotId: 'b1', title: 'Offsite (moved)' });
    expect(result).toMatchObject({ id: 'b1', title: 'Offsite (moved)', startTime: '2026-03-12T17:00:00+00:00' });
  });
});

describe('appointment notes', () => {
  const note = (id: string, dateAdded: string) => ({ id, body: `Note ${id}`, userId: 'u1', dateAdded });

  it('New Appointment Note pages through the notes (20 at a time) and sorts newest first', async () => {
    const scope = calendars()
      .get('/calendars/appointments/a1/notes')
      .query({ limit: 20, offset: 0 })
      .reply(200, {
        notes: Array.from({ length: 20 }, (_, i) => note(`n${i}`, `2026-03-01T10:${String(i).padStart(2, '0')}:00.000Z`)),
        hasMore: true,
      })
      .get('/calendars/appointments/a1/notes')
      .query({ limit: 20, offset: 20 })
      .reply(200, { notes: [note('n20', '2026-03-02T10:00:00.000Z')], hasMore: false });
    const results = await run(operation('new_appointment_note'), { appointmentId: 'a1' });
    expect(results).toHaveLength(21);
    expect(results[0]).toMatchObject({ id: 'n20', appointmentId: 'a1' });
    expect(results[1].id).toBe('n19');
    scope.done();
  });

  it('Create, Update and Delete Appointment Note', async () => {
    calendars()
      .post('/calendars/appointments/a1/notes', { body: 'Bring the numbers', userId: 'u1' })
      .reply(201, { note: note('n1', '2026-03-03T10:15:00.000Z') });
    expect(
      await run(operation('create_appointment_note'), { calendarId: 'cal1', appointmentId: 'a1', body: 'Bring the numbers', userId: 'u1' }),
    ).toMatchObject({
      id: 'n1',
      appointmentId: 'a1',
    });

    calendars()
      .put('/calendars/appointments/a1/notes/n1', { body: 'Bring last year’s numbers' })
      .reply(200, { note: note('n1', '2026-03-03T10:15:00.000Z') });
    expect(
      await run(operation('update_appointment_note'), { appointmentId: 'a1', noteId: 'n1', body: 'Bring last year’s numbers' }),
    ).toMatchObject({ id: 'n1' });

    calendars().delete('/calendars/appointments/a1/notes/n1').reply(200, { success: true });
    expect(await run(operation('delete_appointment_note'), { appointmentId: 'a1', noteId: 'n1' })).toEqual({ id: 'n1', deleted: true });
  });

  it('the note dropdown names notes by their text', async () => {
    calendars()
      .get('/calendars/appointments/a1/notes')
      .query({ limit: 20, offset: 0 })
      .reply(200, { notes: [note('n1', '2026-03-03T10:15:00.000Z')], hasMore: false });
    expect(await run(operation('appointment_note_list'), { appointmentId: 'a1' })).toMatchObject([{ id: 'n1', name: 'Note n1' }]);
  });

  it('refuses an empty note before any request', async () => {
    await expect(run(operation('create_appointment_note'), { appointmentId: 'a1', body: '  ' })).rejects.toThrow(
      /Note \(body\) is required/,
    );
  });
});
