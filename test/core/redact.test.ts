import { personalValuesOf, redact } from '../../src/redact';

describe('redact', () => {
  it.each([
    ['Contact with email rosa.delgado@example.com already exists', 'Contact with email [email] already exists'],
    ['Duplicate phone +1 555 010 0199 on contact', 'Duplicate phone [phone] on contact'],
    ['Phone +15550100199 is invalid', 'Phone [phone] is invalid'],
    ['Call (555) 010-0199 later', 'Call [phone] later'],
    ['Number 555-010-0199 blocked', 'Number [phone] blocked'],
    ['Authorization Bearer eyJhbGciOi.abc.def failed', 'Authorization Bearer [redacted] failed'],
  ])('removes personal data and tokens: %s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it.each([
    'Slot on 2026-03-10 is not available',
    'startTime 1772639731000 must be before endTime 1772643331000',
    'version 2021-07-28 is invalid',
    'limit must be <= 100000000',
    'The slot 2026-03-10T09:00:00-05:00 is taken',
    'contactId seD4PfOuKoVMLkEZqohJ not found',
  ])("keeps HighLevel's own wording: %s", (text) => {
    expect(redact(text)).toBe(text);
  });

  it("removes the step's own values exactly, in any format, and the given secrets", () => {
    const secrets = personalValuesOf({ phone: '5550100199', email: 'x@y.co', firstName: 'Rosa', to: ['+4930123456'] });
    expect(secrets).toEqual(['5550100199', 'x@y.co', '+4930123456']);
    expect(redact('Number 5550100199 and token abcdef123456 rejected', [...secrets, 'abcdef123456'])).toBe(
      'Number [redacted] and token [redacted] rejected',
    );
  });
});
