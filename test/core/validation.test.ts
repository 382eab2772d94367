import { AUTH, failureOf, operation, run } from '../support/highlevel';

// Bad input fails before the network (nock allows no connection here, so a request would fail differently),
// with the field named by label and key.
describe('input validation', () => {
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['create_contact', { email: 'not-an-email' }, /Email \(email\) must be a valid email address/],
    ['create_contact', { phone: 'call me' }, /Phone \(phone\) must be a phone number/],
    ['create_contact', { website: 'delgado' }, /Website \(website\)/],
    ['create_contact', { dnd: 'maybe' }, /Do Not Disturb \(dnd\) must be true or false/],
    ['update_contact', { firstName: 'Rosa' }, /Contact \(contactId\) is required/],
    ['update_contact', { contactId: '../../users', firstName: 'Rosa' }, /Contact \(contactId\) must be a HighLevel id/],
    ['add_contact_tags', { contactId: 'c1' }, /Tags \(tags\) is required/],
    ['create_task', { contactId: 'c1', title: 'Call' }, /Due Date \(dueDate\) is required/],
    ['create_task', { contactId: 'c1', title: 'Call', dueDate: 'next tuesday-ish' }, /Due Date \(dueDate\) must be a date and time/],
    ['complete_task', { contactId: 'c1' }, /Task \(taskId\) is required/],
    ['create_note', { contactId: 'c1', body: '   ' }, /Note \(body\) is required/],
    ['new_note', {}, /Contact \(contactId\) is required/],
    ['find_contact', { email: 'rosa@' }, /Email \(email\)/],
  ];

  it.each(cases)('%s %j is rejected before any request', async (key, input, message) => {
    const failure = await failureOf(run(operation(key), input));
    expect(failure.message).toMatch(message);
    expect(failure.code).toBe('InvalidInput');
  });

  it('names every invalid field at once', async () => {
    await expect(run(operation('create_contact'), { email: 'x', country: 'United States' })).rejects.toThrow(
      /Email \(email\)[\s\S]*Country \(country\)/,
    );
  });

  it('treats blanks as absent', async () => {
    // Required contactId blank: the same "is required" as when it is missing.
    await expect(run(operation('update_contact'), { contactId: '  ', email: '' })).rejects.toThrow(/Contact \(contactId\) is required/);
  });

  it('keeps the connection out of the message', async () => {
    const failure = await failureOf(run(operation('create_contact'), { email: 'x' }));
    expect(failure.message).toMatch(/Email \(email\)/);
    expect(failure.message).not.toContain(AUTH.access_token);
  });
});
