import { call, sandboxApp } from './support';

// End to end: calendar groups, resources, notifications, appointment notes, blocked slots and calendar
// update/delete, run through the Zapier runtime against the sandbox.

const app = sandboxApp();
type Item = Record<string, any>;
const inDays = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

describe('calendar extras in the sandbox', () => {
  it('groups: slug free → create → slug taken → find → rename → disable → delete', async () => {
    expect(await app.run('check_calendar_group_slug', { slug: 'sales' })).toMatchObject([{ available: true }]);
    const group = await app.run('create_calendar_group', { name: 'Sales Team', slug: 'sales', description: 'Sales calls' });
    expect(group).toMatchObject({ name: 'Sales Team', slug: 'sales', isActive: true });
    expect(await app.run('check_calendar_group_slug', { slug: 'sales' })).toMatchObject([{ available: false }]);
    await expect(app.run('create_calendar_group', { name: 'Other', slug: 'sales', description: 'Same slug' })).rejects.toThrow(/taken/);
    expect((await app.run('find_calendar_group', { name: 'sales team' })).map((g: Item) => g.id)).toEqual([group.id]);

    expect(
      await app.run('update_calendar_group', { groupId: group.id, name: 'Sales', slug: 'sales-team', description: 'Sales calls' }),
    ).toMatchObject({ id: group.id, name: 'Sales' });
    expect(await app.run('update_calendar_group_status', { groupId: group.id, isActive: false })).toMatchObject({
      id: group.id,
      isActive: false,
      success: true,
    });
    expect((await app.run('calendar_group_list')).find((g: Item) => g.id === group.id)).toMatchObject({ isActive: false });
    expect(await app.run('delete_calendar_group', { groupId: group.id })).toMatchObject({ id: group.id, deleted: true });
    expect(await app.run('find_calendar_group', { groupId: group.id })).toEqual([]);
  });

  it('resources: create a room → listed and found → update → delete', async () => {
    const [calendar] = await app.run('calendar_list');
    const room = await app.run('create_calendar_resource', {
      resourceType: 'rooms',
      name: 'Showroom',
      description: 'Fixture showroom',
      quantity: 1,
      outOfService: 0,
      capacity: 6,
      calendarIds: [calendar.id],
    });
    expect(room).toMatchObject({ resourceType: 'rooms', name: 'Showroom', capacity: 6, isActive: true });
    expect((await app.run('calendar_resource_list', { resourceType: 'rooms' })).map((r: Item) => r.id)).toEqual([room.id]);
    expect(await app.run('calendar_resource_list', { resourceType: 'equipments' })).toEqual([]);
    expect((await app.run('find_calendar_resource', { resourceType: 'rooms', name: 'showroom' })).map((r: Item) => r.id)).toEqual([
      room.id,
    ]);
    expect((await app.run('find_calendar_resource', { resourceType: 'rooms', resourceId: room.id }))[0]).toMatchObject({
      id: room.id,
      name: 'Showroom',
    });
    expect(await app.run('update_calendar_resource', { resourceType: 'rooms', resourceId: room.id, capacity: 8 })).toMatchObject({
      id: room.id,
      capacity: 8,
    });
    expect(await app.run('delete_calendar_resource', { resourceType: 'rooms', resourceId: room.id })).toMatchObject({
      id: room.id,
      deleted: true,
    });
    expect(await app.run('find_calendar_resource', { resourceType: 'rooms', resourceId: room.id })).toEqual([]);
  });

  it('notifications, appointment notes and blocked slots on the seeded calendar; then the calendar is updated and deleted', async () => {
    const [calendar] = await app.run('calendar_list');

    const notification = await app.run('create_calendar_notification', {
      calendarId: calendar.id,
      notificationType: 'booked',
      receiverType: 'contact',
      channel: 'email',
      subject: 'You are booked',
      body: 'See you soon, {{contact.name}}.',
    });
    expect(notification).toMatchObject({ calendarId: calendar.id, notificationType: 'booked', channel: 'email' });
    expect((await app.run('calendar_notification_list', { calendarId: calendar.id })).map((n: Item) => n.id)).toEqual([notification.id]);
    expect((await app.run('find_calendar_notification', { calendarId: calendar.id, notificationId: notification.id }))[0]).toMatchObject({
      subject: 'You are booked',
    });
    // Only under its own calendar.
    const elsewhere = await call(app.sandbox, 'GET', `/calendars/otherCalendar123/notifications/${notification.id}`, {
      token: app.token(),
      version: '2021-04-15',
    });
    expect(elsewhere.status).toBe(404);
    await app.run('update_calendar_notification', { calendarId: calendar.id, notificationId: notification.id, subject: 'Booked!' });
    expect((await app.run('find_calendar_notification', { calendarId: calendar.id, notificationId: notification.id }))[0]).toMatchObject({
      subject: 'Booked!',
    });
    expect(await app.run('delete_calendar_notification', { calendarId: calendar.id, notificationId: notification.id })).toMatchObject({
      id: notification.id,
      deleted: true,
    });
    expect(await app.run('calendar_notification_list', { calendarId: calendar.id })).toEqual([]);

    const [appointment] = await app.run('appointment_list', { calendarId: calendar.id });
    const [sam] = app.sandbox.state.usersOf(app.locationId);
    const note = await app.run('create_appointment_note', {
      calendarId: calendar.id,
      appointmentId: appointment.id,
      body: 'Bring the tankless brochure.',
      userId: sam.id,
    });
    expect(note).toMatchObject({
      body: 'Bring the tankless brochure.',
      userId: sam.id,
      contactId: appointment.contactId,
      createdBy: { name: sam.name },
    });
    const polled: Item[] = await app.run('new_appointment_note', { appointmentId: appointment.id });
    expect(polled.map((n) => n.id)).toEqual([note.id]);
    expect(
      await app.run('update_appointment_note', {
        calendarId: calendar.id,
        appointmentId: appointment.id,
        noteId: note.id,
        body: 'Brochure sent.',
      }),
    ).toMatchObject({ id: note.id, body: 'Brochure sent.' });
    expect(
      await app.run('delete_appointment_note', { calendarId: calendar.id, appointmentId: appointment.id, noteId: note.id }),
    ).toMatchObject({ deleted: true });
    expect(await app.run('appointment_note_list', { appointmentId: appointment.id })).toEqual([]);

    const slot = await app.run('create_blocked_slot', {
      calendarId: calendar.id,
      startTime: inDays(3, 15),
      endTime: inDays(3, 17),
      title: 'Team offsite',
    });
    expect(slot).toMatchObject({ calendarId: calendar.id, title: 'Team offsite' });
    const blocked: Item[] = await app.run('new_blocked_slot', { calendarId: calendar.id });
    expect(blocked.map((e) => e.id)).toEqual([slot.id]);
    // A blocked slot is not an appointment.
    expect((await app.run('appointment_list', { calendarId: calendar.id })).map((e: Item) => e.id)).not.toContain(slot.id);
    const moved = await app.run('update_blocked_slot', {
      calendarId: calendar.id,
      blockedSlotId: slot.id,
      startTime: inDays(4, 15),
      endTime: inDays(4, 16),
    });
    expect(Date.parse(moved.startTime)).toBe(Date.parse(inDays(4, 15)));

    expect(await app.run('update_calendar', { calendarId: calendar.id, name: 'Intro Call', slotDuration: 45 })).toMatchObject({
      id: calendar.id,
      name: 'Intro Call',
      slotDuration: 45,
    });
    expect(await app.run('delete_calendar', { calendarId: calendar.id })).toMatchObject({ id: calendar.id, deleted: true });
    expect(await app.run('find_calendar', { calendarId: calendar.id })).toEqual([]);
  });
});
