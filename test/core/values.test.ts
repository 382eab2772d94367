import * as v from '../../src/fields/values';

describe('shared value schemas', () => {
  it.each(['+1 555 010 0199', '(555) 010-0199', '555-010-0199', '+4930123456'])('accepts the phone %s', (phone) => {
    expect(v.phone()().safeParse(phone).success).toBe(true);
  });

  it.each(['call me', '12', 'abc-def-ghij'])('rejects the phone %s', (phone) => {
    expect(v.phone()().safeParse(phone).success).toBe(false);
  });

  it('splits one text on commas, but keeps list items whole', () => {
    const list = v.stringList(v.text(500))();
    expect(list.parse('a, b ,a')).toEqual(['a', 'b']);
    const url = 'https://res.example.com/image/upload/w_400,h_300/photo.jpg';
    expect(list.parse([url, ' b ', ''])).toEqual([url, 'b']);
  });

  it('builds each schema once, on first use', () => {
    const schema = v.text(10);
    expect(schema()).toBe(schema());
  });
});
