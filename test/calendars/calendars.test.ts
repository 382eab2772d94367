import { checkResponse } from '../../contract/openapi';
import { catalogCoverage } from '../../scripts/coverage';
import { calendarSample, groupSample, notificationSample, resourceSample } from '../../src/fields/calendar';
import { operations } from '../../app/operations';
import { failure } from '../faults/support';
import { AUTH, highlevel, operation, run } from '../support/highlevel';

// Every calendars.json operation declares Version 2021-04-15: an interceptor without it does not match.
const calendars = () => highlevel().matchHeader('version', '2021-04-15').matchHeader('authorization', `Bearer ${AUTH.access_token}`);
const loc = AUTH.locationId;

describe('calendars', () => {
  it('the calendar dropdown lists every calendar by name, once (no paging)', async () => {
    const scope = calendars()
      .get('/calendars/')
      .query({ locationId: loc })
      .reply(200, {
        calendars: [
          { ...calendarSample, id: 'cal1', name: 'Discovery Call' },
          { ...calendarSample, id: 'cal2', name: 'Demo', isActive: false },
        ],
      });
    expect((await run(operation('calendar_list'))).map((c: any) => [c.id, c.name])).toEqual([
      ['cal1', 'Discovery Call'],
      ['cal2', 'Demo (inactive)'],
    ]);
    expect(await run(operation('calendar_list'), {}, { meta: { page: 1 } })).toEqual([]);
    scope.done();
  });

  it('Find Calendar by ID (404 → no result) and by name (exact match first)', async () => {
    calendars()
      .get('/calendars/cal1')
      .reply(200, { calendar: { ...calendarSample, id: 'cal1' } });
    expect(await run(operation('find_calendar'), { calendarId: 'cal1' })).toMatchObject([{ id: 'cal1' }]);
    calendars().get('/calendars/gone').reply(404, { statusCode: 404, message: 'Calendar not found' });
    expect(await run(operation('find_calendar'), { calendarId: 'gone' })).toEqual([]);
    calendars()
      .get('/calendars/')
      .query({ locationId: loc })
      .reply(200, {
        calendars: [
          { ...calendarSample, id: 'a', name: 'Demo Call Long' },
          { ...calendarSample, id: 'b', name: 'demo call' },
        ],
      });
    expect((await run(operation('find_calendar'), { name: 'Demo Call' })).map((c: any) => c.id)).toEqual(['b']);
  });

  it('Find Calendar without any criterion fails naming the fields, before any request', async () => {
    await expect(run(operation('find_calendar'), {})).rejects.toThrow(/Calendar ID \(calendarId\) or Name \(name\)/);
  });

  it('Create Calendar sends the location, settings and team members as objects', async () => {
    calendars()
      .post('/calendars/', {
        locationId: loc,
        name: 'Discovery Call',
        calendarType: 'event',
        slotDuration: 30,
        autoConfirm: true,
        teamMembers: [{ userId: 'u1' }, { userId: 'u2' }],
      })
      .reply(200, { calendar: { ...calendarSample, id: 'cal1' } });
    const result = await run(operation('create_calendar'), {
      name: 'Discovery Call',
      calendarType: 'event',
      slotDuration: '30',
      autoConfirm: 'yes',
      teamMembers: 'u1, u2',
      description: '',
    });
    expect(result).toMatchObject({ id: 'cal1', name: calendarSample.name });
  });

  it('Create Calendar rejects an unknown calendar type before any request', async () => {
    await expect(run(operation('create_calendar'), { name: 'X', calendarType: 'meeting' })).rejects.toThrow(
      /Calendar Type \(calendarType\) must be one of/,
    );
  });

  it('Update Calendar and Delete Calendar', async () => {
    calendars()
      .put('/calendars/cal1', { name: 'Intro Call', isActive: false })
      .reply(200, { calendar: { ...calendarSample, id: 'cal1', name: 'Intro Call' } });
    expect(await run(operation('update_calendar'), { calendarId: 'cal1', name: 'Intro Call', isActive: 'false' })).toMatchObject({
      id: 'cal1',
      name: 'Intro Call',
    });
    calendars().delete('/calendars/cal1').reply(200, { success: true });
    expect(await run(operation('delete_calendar'), { calendarId: 'cal1' })).toEqual({ id: 'cal1', deleted: true });
  });
});

describe('calendar groups', () => {
  it('dropdown, and Find Calendar Group by name or slug (HighLevel has no get-group endpoint)', async () => {
    const groups = {
      groups: [
        { ...groupSample, id: 'g1', name: 'Sales Team', slug: 'sales' },
        { ...groupSample, id: 'g2', name: 'Support', slug: 'help', isActive: false },
      ],
    };
    calendars().get('/calendars/groups').query({ locationId: loc }).reply(200, groups);
    expect((await run(operation('calendar_group_list'))).map((g: any) => g.name)).toEqual(['Sales Team', 'Support (disabled)']);
    calendars().get('/calendars/groups').query({ locationId: loc }).reply(200, groups);
    expect((await run(operation('find_calendar_group'), { name: 'HELP' })).map((g: any) => g.id)).toEqual(['g2']);
    calendars().get('/calendars/groups').query({ locationId: loc }).reply(200, groups);
    expect((await run(operation('find_calendar_group'), { groupId: 'g1' })).map((g: any) => g.id)).toEqual(['g1']);
  });

  it('Create, Update, Enable/Disable and Delete Calendar Group', async () => {
    calendars()
      .post('/calendars/groups', { locationId: loc, name: 'Sales Team', description: 'Reps', slug: 'sales' })
      .reply(201, { group: { ...groupSample, id: 'g1' } });
    expect(await run(operation('create_calendar_group'), { name: 'Sales Team', description: 'Reps', slug: 'sales' })).toMatchObject({
      id: 'g1',
    });

    calendars()
      .put('/calendars/groups/g1', { name: 'Sales', description: 'Reps', slug: 'sales' })
      .reply(200, { group: { ...groupSample, id: 'g1', name: 'Sales' } });
    expect(
      await run(operation('update_calendar_group'), { groupId: 'g1', name: 'Sales', description: 'Reps', slug: 'sales' }),
    ).toMatchObject({ name: 'Sales' });

    calendars().put('/calendars/groups/g1/status', { isActive: false }).reply(200, { success: true });
    expect(await run(operation('update_calendar_group_status'), { groupId: 'g1', isActive: 'no' })).toEqual({
      id: 'g1',
      isActive: false,
      success: true,
    });

    calendars().delete('/calendars/groups/g1').reply(200, { success: true });
    expect(await run(operation('delete_calendar_group'), { groupId: 'g1' })).toEqual({ id: 'g1', deleted: true });
  });

  it('Update Calendar Group needs name, description and slug (as HighLevel does)', async () => {
    await expect(run(operation('update_calendar_group'), { groupId: 'g1', name: 'Sales' })).rejects.toThrow(
      /Description \(description\) is required/,
    );
  });

  it('Find Free Calendar Group Slug says whether the slug is free', async () => {
    calendars().post('/calendars/groups/validate-slug', { locationId: loc, slug: 'sales' }).reply(200, { available: false });
    expect(await run(operation('check_calendar_group_slug'), { slug: 'sales' })).toEqual([
      { id: 'sales', slug: 'sales', available: false },
    ]);
  });
});

describe('calendar resources', () => {
  it('the dropdown reads the bare array page by page and gives `_id` items an `id`', async () => {
    calendars()
      .get('/calendars/resources/rooms')
      .query({ locationId: loc, limit: 100, skip: 100 })
      .reply(200, [{ ...resourceSample, id: undefined, _id: 'r1', name: 'Yoga Room' }]);
    const results = await run(operation('calendar_resource_list'), { resourceType: 'rooms' }, { meta: { page: 1 } });
    expect(results.map((r: any) => [r.id, r.name])).toEqual([['r1', 'Yoga Room']]);
  });

  it('Find Calendar Resource by ID keeps the asked id when the answer has none; by name reads the list', async () => {
    const { id: _omit, ...withoutId } = resourceSample;
    calendars()
      .get('/calendars/resources/equipments/r9')
      .reply(200, { ...withoutId, resourceType: 'equipments', name: 'Projector' });
    expect(await run(operation('find_calendar_resource'), { resourceType: 'equipments', resourceId: 'r9' })).toMatchObject([
      { id: 'r9', name: 'Projector' },
    ]);

    calendars().get('/calendars/resources/rooms/nope').reply(404, { statusCode: 404, message: 'Not found' });
    expect(await run(operation('find_calendar_resource'), { resourceType: 'rooms', resourceId: 'nope' })).toEqual([]);

    calendars()
      .get('/calendars/resources/rooms')
      .query({ locationId: loc, limit: 100, skip: 0 })
      .reply(200, [
        { ...resourceSample, id: 'r1', name: 'Yoga Room' },
        { ...resourceSample, id: 'r2', name: 'Board Room' },
      ]);
    expect((await run(operation('find_calendar_resource'), { resourceType: 'rooms', name: 'board' })).map((r: any) => r.id)).toEqual([
      'r2',
    ]);
  });

  it('rejects an unknown resource type before any request', async () => {
    await expect(run(operation('find_calendar_resource'), { resourceType: 'desks', name: 'x' })).rejects.toThrow(
      /Resource Type \(resourceType\) must be one of/,
    );
  });

  it('Create, Update and Delete Calendar Resource', async () => {
    const body = { name: 'Yoga Room', description: 'Second floor', quantity: 1, outOfService: 0, capacity: 12, calendarIds: ['cal1'] };
    calendars()
      .post('/calendars/resources/rooms', { locationId: loc, ...body })
      .reply(201, { ...resourceSample, _id: 'r1', id: undefined });
    expect(
      await run(operation('create_calendar_resource'), {
        resourceType: 'rooms',
        ...body,
        quantity: '1',
        outOfService: '0',
        capacity: '12',
      }),
    ).toMatchObject({
      id: 'r1',
      resourceType: 'rooms',
    });

    calendars()
      .put('/calendars/resources/rooms/r1', { capacity: 10 })
      .reply(200, { ...resourceSample, capacity: 10 });
    expect(await run(operation('update_calendar_resource'), { resourceType: 'rooms', resourceId: 'r1', capacity: 10 })).toMatchObject({
      id: 'r1',
      capacity: 10,
    });

    calendars().delete('/calendars/resources/rooms/r1').reply(200, { success: true });
    expect(await run(operation('delete_calendar_resource'), { resourceType: 'rooms', resourceId: 'r1' })).toEqual({
      id: 'r1',
      deleted: true,
    });
  });

  it('Create Calendar Resource needs every field HighLevel requires', async () => {
    await expect(run(operation('create_calendar_resource'), { resourceType: 'rooms', name: 'Yoga Room' })).rejects.toThrow(
      /Description \(description\) is required/,
    );
  });
});

describe('calendar notifications', () => {
  const { id: _id, calendarId: _c, ...answer } = notificationSample; // HighLevel answers `_id`, no `id`

  it('the dropdown names notifications (they have no name) and maps `_id` to `id`', async () => {
    calendars().get('/calendars/cal1/notifications').query({ limit: 100, skip: 0 }).reply(200, [answer]);
    expect(await run(operation('calendar_notification_list'), { calendarId: 'cal1' })).toMatchObject([
      { id: answer._id, name: 'reminder email to contact (24 hours before)' },
    ]);
  });

  it('Find Calendar Notification by ID, and by type and channel', async () => {
    calendars().get(`/calendars/cal1/notifications/${answer._id}`).reply(200, answer);
    expect(await run(operation('find_calendar_notification'), { calendarId: 'cal1', notificationId: answer._id })).toMatchObject([
      { id: answer._id, calendarId: 'cal1' },
    ]);
    calendars()
      .get('/calendars/cal1/notifications')
      .query({ isActive: true, deleted: false, limit: 100, skip: 0 })
      .reply(200, [answer, { ...answer, _id: 'sms1', channel: 'sms' }, { ...answer, _id: 'b1', notificationType: 'booked' }]);
    expect(
      (await run(operation('find_calendar_notification'), { calendarId: 'cal1', notificationType: 'reminder', channel: 'sms' })).map(
        (n: any) => n.id,
      ),
    ).toEqual(['sms1']);
  });

  it('Create Calendar Notification sends a one-item ARRAY body and returns the created notification', async () => {
    calendars()
      .post('/calendars/cal1/notifications', [
        {
          notificationType: 'reminder',
          receiverType: 'emails',
          channel: 'email',
          subject: 'See you tomorrow',
          additionalEmailIds: ['ops@example.com'],
          beforeTime: [{ timeOffset: 24, unit: 'hours' }],
        },
      ])
      .reply(200, [{ ...answer, receiverType: 'emails' }]);
    const result = await run(operation('create_calendar_notification'), {
      calendarId: 'cal1',
      notificationType: 'reminder',
      receiverType: 'emails',
      channel: 'email',
      subject: 'See you tomorrow',
      additionalEmails: 'ops@example.com',
      beforeHours: '24',
    });
    expect(result).toMatchObject({ id: answer._id, calendarId: 'cal1', receiverType: 'emails' });
  });

  it('Create Calendar Notification rejects a bad email before any request', async () => {
    await expect(
      run(operation('create_calendar_notification'), {
        calendarId: 'cal1',
        notificationType: 'reminder',
        receiverType: 'emails',
        channel: 'email',
        additionalEmails: 'not-an-email',
      }),
    ).rejects.toThrow(/Email Addresses \(additionalEmails\)/);
  });

  it('Update and Delete Calendar Notification', async () => {
    calendars().put('/calendars/cal1/notifications/n1', { isActive: false }).reply(200, { message: 'Notification updated successfully' });
    expect(await run(operation('update_calendar_notification'), { calendarId: 'cal1', notificationId: 'n1', isActive: 'false' })).toEqual({
      id: 'n1',
      calendarId: 'cal1',
      message: 'Notification updated successfully',
    });
    calendars().delete('/calendars/cal1/notifications/n1').reply(200, { message: 'Notification deleted successfully' });
    expect(await run(operation('delete_calendar_notification'), { calendarId: 'cal1', notificationId: 'n1' })).toMatchObject({
      id: 'n1',
      deleted: true,
    });
  });
});

describe('Find Free Slots', () => {
  const calendar = (extra: Record<string, unknown> = {}) => ({
    calendar: { ...calendarSample, id: 'cal1', slotDuration: 30, slotDurationUnit: 'mins', ...extra },
  });

  it('queries epoch ms over whole local days and returns ONE result carrying every slot in the requested zone', async () => {
    const start = Date.parse('2026-03-10T00:00:00-04:00');
    const end = Date.parse('2026-03-11T00:00:00-04:00') - 1;
    const scope = calendars()
      .get('/calendars/cal1')
      .reply(200, calendar())
      .get('/calendars/cal1/free-slots')
      .query({ startDate: String(start), endDate: String(end), timezone: 'America/New_York' })
      .reply(200, {
        '2026-03-10': { slots: ['2026-03-10T10:00:00-04:00', '2026-03-10T09:00:00-04:00', '2026-03-10T13:00:00Z'] },
        traceId: 'c3b1e0f2-trace',
      });
    const results = await run(operation('find_free_slots'), {
      calendarId: 'cal1',
      startDate: '2026-03-10',
      endDate: '2026-03-10',
      timezone: 'America/New_York',
    });
    const nine = 'Tue, Mar 10, 2026, 9:00 AM – 9:30 AM EDT';
    const ten = 'Tue, Mar 10, 2026, 10:00 AM – 10:30 AM EDT';
    // Zapier uses a search's first result only: one result, soonest slot first, duplicates (13:00Z = 09:00 EDT) once.
    expect(results).toEqual([
      {
        id: '2026-03-10T09:00:00-04:00',
        calendarId: 'cal1',
        timezone: 'America/New_York',
        count: 2,
        firstStart: '2026-03-10T09:00:00-04:00',
        firstEnd: '2026-03-10T09:30:00-04:00',
        firstLabel: nine,
        slots: [
          { start: '2026-03-10T09:00:00-04:00', end: '2026-03-10T09:30:00-04:00', label: nine, date: '2026-03-10' },
          { start: '2026-03-10T10:00:00-04:00', end: '2026-03-10T10:30:00-04:00', label: ten, date: '2026-03-10' },
        ],
        slotsText: `${nine}\n${ten}`,
      },
    ]);
    scope.done();
  });

  it("uses the calendar's zone, else the zap's, and shows slots in it (Kolkata, hour-long slots, 7 days by default)", async () => {
    const start = Date.parse('2026-03-10T00:00:00+05:30');
    const scope = calendars()
      .get('/calendars/cal1')
      .reply(200, calendar({ slotDuration: 1, slotDurationUnit: 'hours' }))
      .get('/calendars/cal1/free-slots')
      .query({ startDate: String(start), endDate: String(start + 7 * 86_400_000), timezone: 'Asia/Kolkata', userId: 'u1' })
      .reply(200, { '2026-03-10': { slots: ['2026-03-10T04:30:00Z'] } });
    const [result] = await run(
      operation('find_free_slots'),
      { calendarId: 'cal1', startDate: '2026-03-10', userId: 'u1' },
      { meta: { timezone: 'Asia/Kolkata' } },
    );
    expect(result).toMatchObject({
      id: '2026-03-10T10:00:00+05:30',
      timezone: 'Asia/Kolkata',
      count: 1,
      firstStart: '2026-03-10T10:00:00+05:30',
      firstEnd: '2026-03-10T11:00:00+05:30',
      firstLabel: 'Tue, Mar 10, 2026, 10:00 AM – 11:00 AM GMT+5:30',
      slotsText: 'Tue, Mar 10, 2026, 10:00 AM – 11:00 AM GMT+5:30',
    });
    scope.done();
  });

  it('no free slot is no result (nothing found), not a result without slots', async () => {
    const scope = calendars()
      .get('/calendars/cal1')
      .reply(200, calendar())
      .get('/calendars/cal1/free-slots')
      .query(true)
      .reply(200, { '2026-03-10': { slots: [] }, traceId: 'c3b1e0f2-trace' });
    expect(await run(operation('find_free_slots'), { calendarId: 'cal1', startDate: '2026-03-10', endDate: '2026-03-10' })).toEqual([]);
    scope.done();
  });

  it.each([
    ['dates over 31 days (To counts its whole day)', '2026-03-01', '2026-04-01', /To \(endDate\) must be at most 31 days after From/],
    ['dates backwards', '2026-03-10', '2026-03-09', /To \(endDate\) must be after From/],
    // 31 days on the clocks, 31 days + 1 hour between the instants:
    ['instants with offsets over 31 days', '2026-03-01T00:00:00-04:00', '2026-04-01T00:00:00-05:00', /must be at most 31 days/],
    ['epoch ms over 31 days', '1772323200000', String(1772323200000 + 31 * 86_400_000 + 1), /must be at most 31 days/],
    ['instants backwards across offsets (09:00 EDT is 13:00Z)', '2026-03-10T09:00:00-04:00', '2026-03-10T12:00:00Z', /must be after From/],
    ['equal instants', '2026-03-10T09:00:00Z', '2026-03-10T09:00:00+00:00', /must be after From/],
  ])('refuses %s with InvalidInput before any request', async (_case, startDate, endDate, message) => {
    const scope = calendars().get('/calendars/cal1').reply(200, calendar());
    const error = await failure(run(operation('find_free_slots'), { calendarId: 'cal1', startDate, endDate }));
    expect(error).toMatchObject({ code: 'InvalidInput' });
    expect(error.message).toMatch(message);
    expect(scope.isDone()).toBe(false); // not even the calendar was read
  });

  it('accepts 31 whole days, and cuts the hour a fall-back day adds so that the query stays within 31 days', async () => {
    // 2026-10-15 … 2026-11-14 in New York is 31 local days and 31 days + 1 hour (DST ends on Nov 1).
    const start = Date.parse('2026-10-15T00:00:00-04:00');
    const scope = calendars()
      .get('/calendars/cal1')
      .reply(200, calendar({ timezone: 'America/New_York' }))
      .get('/calendars/cal1/free-slots')
      .query({ startDate: String(start), endDate: String(start + 31 * 86_400_000), timezone: 'America/New_York' })
      .reply(200, { '2026-11-14': { slots: ['2026-11-14T09:00:00-05:00'] } });
    const [result] = await run(operation('find_free_slots'), { calendarId: 'cal1', startDate: '2026-10-15', endDate: '2026-11-14' });
    expect(result).toMatchObject({ count: 1, firstStart: '2026-11-14T09:00:00-05:00', firstEnd: '2026-11-14T09:30:00-05:00' });
    scope.done();
  });

  it("checks a range that needs the calendar's zone (a date and a local time) after reading the calendar, before asking for slots", async () => {
    const scope = calendars()
      .get('/calendars/cal1')
      .reply(200, calendar({ timezone: 'America/New_York' }));
    const error = await failure(
      run(operation('find_free_slots'), { calendarId: 'cal1', startDate: '2026-03-10', endDate: '2026-03-09 17:00' }),
    );
    expect(error).toMatchObject({ code: 'InvalidInput' });
    expect(error.message).toMatch(/To \(endDate\) must be after From \(startDate\)/);
    scope.done(); // the calendar was read; no free-slots interceptor exists, so none was asked for
  });

  it('rejects an unknown time zone before any request', async () => {
    await expect(
      run(operation('find_free_slots'), { calendarId: 'cal1', startDate: '2026-03-10', timezone: 'Mars/Olympus' }),
    ).rejects.toThrow(/Time Zone \(timezone\) must be an IANA time zone/);
  });

  it('an unknown calendar is no result, not an error', async () => {
    calendars().get('/calendars/gone').reply(404, { statusCode: 404, message: 'Calendar not found' });
    expect(await run(operation('find_free_slots'), { calendarId: 'gone', startDate: '2026-03-10' })).toEqual([]);
  });
});

describe('calendar operation declarations', () => {
  const mine = operations.filter((op) => op.endpoints.some((e) => e.specFile === 'calendars.json'));

  it('cover every calendar row of the catalog (29–62), each with Version 2021-04-15', () => {
    const rows = catalogCoverage().filter((r) => r.entry.category === 'Calendars & Appointments');
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 34 }, (_, i) => 29 + i));
    expect(rows.filter((r) => !r.coveredBy.length).map((r) => r.entry.operationId)).toEqual([]);
    for (const op of mine) for (const e of op.endpoints) expect([op.key, e.version]).toEqual([op.key, '2021-04-15']);
  });

  it.each(mine.map((op) => [op.key, op]))(
    "%s: the sample (or the answer it is made from) matches the spec's response schema",
    (_key, op) => {
      const { def } = op;
      const record = op.kind === 'trigger' && def.resultKey ? [def.sample] : def.sample;
      const body = def.sampleAnswer !== undefined ? def.sampleAnswer : def.resultKey ? { [def.resultKey]: record } : record;
      expect(checkResponse(def.endpoint.method, def.endpoint.path, 200, body).errors).toEqual([]);
    },
  );
});
