import { appointmentSample } from '../../src/fields/appointment';
import { AUTH, highlevel, operation, run } from '../support/highlevel';

// Update Blocked Slot picks the slot from a hidden dropdown of the chosen calendar's blocked slots; a slot
// without a title still gets a readable label (when it starts, on which calendar).

const NOW = Date.parse('2026-03-05T12:00:00Z');
const DAY = 86_400_000;
const WINDOW = { startTime: String(NOW - 30 * DAY), endTime: String(NOW + 90 * DAY) };
const slot = (id: string, extra: Record<string, unknown> = {}) => ({
  ...appointmentSample,
  id,
  contactId: '',
  calendarId: 'cal1',
  startTime: '2026-03-12T17:00:00.000Z',
  endTime: '2026-03-12T21:00:00.000Z',
  ...extra,
});

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

describe('blocked slot dropdown', () => {
  it("lists the chosen calendar's blocked slots by title, else by start time and calendar, else by id", async () => {
    highlevel()
      .get('/calendars/blocked-slots')
      .query({ locationId: AUTH.locationId, calendarId: 'cal1', ...WINDOW })
      .matchHeader('version', '2021-04-15')
      .reply(200, {
        events: [
          slot('b1', { title: 'Team offsite' }),
          slot('b2', { title: '  ' }),
          slot('b3', { title: undefined, startTime: undefined }),
        ],
      });
    const choices = await run(operation('blocked_slot_list'), { calendarId: 'cal1' }, { meta: { timezone: 'America/New_York' } });
    expect(choices.map((c: any) => [c.id, c.name])).toEqual([
      ['b1', 'Team offsite'],
      ['b2', 'Blocked from Thu, Mar 12, 2026, 1:00 PM EDT (calendar cal1)'],
      ['b3', 'b3'],
    ]);
  });

  it('needs the calendar and sends nothing without it', async () => {
    await expect(run(operation('blocked_slot_list'), {})).rejects.toThrow(/Calendar.*calendarId/);
  });

  it("is hidden, and Update Blocked Slot's slot field uses it (and the calendar field refreshes it)", () => {
    const dropdown = operation('blocked_slot_list');
    expect(dropdown.definition.display.hidden).toBe(true);
    const fields = operation('update_blocked_slot').def.fields;
    expect(fields.find((f) => f.key === 'blockedSlotId')?.dynamic).toBe('blocked_slot_list.id.name');
    expect(fields.find((f) => f.key === 'calendarId')?.altersDynamicFields).toBe(true);
  });
});
