import {
  describeSpan,
  formatInZone,
  isoInZone,
  isValidTimeZone,
  offsetMinutes,
  parseDateTime,
  pickTimeZone,
  startOfDay,
  toEpochMs,
} from '../../src/time';

const utc = (iso: string) => Date.parse(iso);

describe('offsets from Intl across zones', () => {
  it.each([
    ['America/New_York', '2026-01-15T12:00:00Z', -300],
    ['America/New_York', '2026-07-15T12:00:00Z', -240],
    ['Europe/Berlin', '2026-01-15T12:00:00Z', 60],
    ['Europe/Berlin', '2026-07-15T12:00:00Z', 120],
    ['Asia/Kolkata', '2026-07-15T12:00:00Z', 330],
    ['Australia/Lord_Howe', '2026-01-15T12:00:00Z', 660], // summer: +11:00
    ['Australia/Lord_Howe', '2026-07-15T12:00:00Z', 630], // winter: +10:30 (a 30-minute DST shift)
    ['UTC', '2026-07-15T12:00:00Z', 0],
  ])('%s at %s is %i minutes', (zone, at, expected) => {
    expect(offsetMinutes(utc(at), zone)).toBe(expected);
  });
});

describe('a local time is read in the given zone', () => {
  it.each([
    ['America/New_York', '2026-01-15T09:00', '2026-01-15T14:00:00.000Z'],
    ['Europe/Berlin', '2026-07-15 09:00:00', '2026-07-15T07:00:00.000Z'],
    ['Asia/Kolkata', '2026-07-15T09:00:00', '2026-07-15T03:30:00.000Z'],
    ['Australia/Lord_Howe', '2026-07-15T09:00', '2026-07-14T22:30:00.000Z'],
  ])('%s %s', (zone, local, expected) => {
    expect(new Date(toEpochMs(local, zone)!).toISOString()).toBe(expected);
  });

  it('keeps a date-time with an offset or Z as that instant, whatever the zone', () => {
    expect(toEpochMs('2026-03-10T09:00:00+05:30', 'America/New_York')).toBe(utc('2026-03-10T03:30:00Z'));
    expect(toEpochMs('2026-03-10T09:00:00Z', 'Asia/Kolkata')).toBe(utc('2026-03-10T09:00:00Z'));
    expect(toEpochMs('2026-03-10T09:00:00-0400', 'UTC')).toBe(utc('2026-03-10T13:00:00Z'));
    expect(toEpochMs('1773133200000', 'Asia/Kolkata')).toBe(1773133200000);
  });

  it('rejects what is not a date-time', () => {
    expect(parseDateTime('next tuesday')).toBeUndefined();
    expect(parseDateTime('2026-02-30T10:00')).toBeUndefined();
    expect(parseDateTime('2026-01-01T25:00')).toBeUndefined();
  });
});

describe('daylight saving changes', () => {
  // New York springs forward on 2026-03-08: 02:00 EST becomes 03:00 EDT, so 02:30 does not exist.
  it('moves a local time in the spring-forward gap forward by the gap (New York 02:30 → 03:30 EDT)', () => {
    const epoch = toEpochMs('2026-03-08T02:30:00', 'America/New_York')!;
    expect(formatInZone(epoch, 'America/New_York')).toBe('2026-03-08T03:30:00-04:00');
  });

  it('moves a Berlin gap time forward too (2026-03-29 02:15 → 03:15 CEST)', () => {
    const epoch = toEpochMs('2026-03-29T02:15', 'Europe/Berlin')!;
    expect(formatInZone(epoch, 'Europe/Berlin')).toBe('2026-03-29T03:15:00+02:00');
  });

  // New York falls back on 2026-11-01: 01:00–02:00 happens twice (EDT, then EST).
  it('takes the earlier instant for a local time in the fall-back overlap (01:30 → 01:30 EDT)', () => {
    const epoch = toEpochMs('2026-11-01T01:30:00', 'America/New_York')!;
    expect(new Date(epoch).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(formatInZone(epoch, 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
    // The second 01:30 (EST) is one hour later and formats with its own offset.
    expect(formatInZone(epoch + 3_600_000, 'America/New_York')).toBe('2026-11-01T01:30:00-05:00');
  });

  it('handles Lord Howe’s half-hour shift (2026-10-04 02:00 → 02:30 +11:00; 02:15 is in the gap)', () => {
    expect(formatInZone(toEpochMs('2026-10-04T02:15', 'Australia/Lord_Howe')!, 'Australia/Lord_Howe')).toBe('2026-10-04T02:45:00+11:00');
    expect(formatInZone(toEpochMs('2026-10-04T01:59', 'Australia/Lord_Howe')!, 'Australia/Lord_Howe')).toBe('2026-10-04T01:59:00+10:30');
  });

  it('keeps times just either side of a change exact', () => {
    expect(formatInZone(toEpochMs('2026-03-08T01:59:59', 'America/New_York')!, 'America/New_York')).toBe('2026-03-08T01:59:59-05:00');
    expect(formatInZone(toEpochMs('2026-03-08T03:00', 'America/New_York')!, 'America/New_York')).toBe('2026-03-08T03:00:00-04:00');
    expect(formatInZone(toEpochMs('2026-11-01T02:00', 'America/New_York')!, 'America/New_York')).toBe('2026-11-01T02:00:00-05:00');
  });

  it('starts a day at local midnight on a 23-hour day', () => {
    const noon = utc('2026-03-08T16:00:00Z');
    expect(formatInZone(startOfDay(noon, 'America/New_York'), 'America/New_York')).toBe('2026-03-08T00:00:00-05:00');
  });
});

describe('formatting and zone choice', () => {
  it('formats HighLevel date-times as ISO with the zone offset', () => {
    expect(isoInZone('2026-03-10T14:00:00.000Z', 'Asia/Kolkata')).toBe('2026-03-10T19:30:00+05:30');
    expect(isoInZone('2023-09-25T16:00:00+05:30', 'Europe/Berlin')).toBe('2023-09-25T12:30:00+02:00');
    expect(isoInZone('not a date', 'UTC')).toBe('not a date');
  });

  it('labels a span readably in the zone', () => {
    expect(describeSpan(utc('2026-03-10T13:00:00Z'), utc('2026-03-10T13:30:00Z'), 'America/New_York')).toBe(
      'Tue, Mar 10, 2026, 9:00 AM – 9:30 AM EDT',
    );
  });

  it('picks the first valid IANA zone, else UTC', () => {
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(pickTimeZone(undefined, 'Mars/Olympus', 'Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(pickTimeZone('', null)).toBe('UTC');
  });
});
