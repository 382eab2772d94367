import { editorKeys, humanize, isInternalKey, labelFor, withoutInternalKeys, withSampleLabels } from '../../src/factories/output';
import { expectContractClean, highlevel, operation, run } from '../support/highlevel';

afterEach(expectContractClean);

describe('output shaping (src/factories/output.ts)', () => {
  it("drops HighLevel's internal keys at every depth, and a raw customFields array once its readable keys exist", () => {
    const shaped = withoutInternalKeys({
      id: 'c1',
      firstNameLowerCase: 'rosa',
      searchAfter: [1, 'c1'],
      contact: { id: 'c2', emailLowerCase: 'x@example.com', customFields: [{ id: 'f1', value: 'a' }], custom_code: 'a' },
      customFields: [{ id: 'f2', value: 'b' }],
      followers: [],
      list: [{ fullNameLowerCase: 'x', name: 'X' }],
    });
    expect(shaped).toEqual({
      id: 'c1',
      contact: { id: 'c2', custom_code: 'a' },
      // No readable copy at this level: kept (and labelled), so no value is lost.
      customFields: [{ id: 'f2', value: 'b' }],
      followers: [],
      list: [{ name: 'X' }],
    });
    expect(withoutInternalKeys({ customFields: [] })).toEqual({});
    expect(['searchAfter', 'emailLowerCase', 'name', 'lowerCaseName'].map(isInternalKey)).toEqual([true, true, false, false]);
  });

  it('lists the keys the editor offers: nested objects with __, line items with []', () => {
    expect(
      editorKeys({
        id: 'a',
        tags: ['x'],
        contact: { name: 'R', address: { city: 'D' } },
        stages: [{ id: 's', name: 'N' }, { pos: 1 }],
        empty: {},
      }),
    ).toEqual(['id', 'tags', 'contact__name', 'contact__address__city', 'stages[]id', 'stages[]name', 'stages[]pos', 'empty']);
  });

  it('words keys as labels, under the declared label of their parent', () => {
    expect(['assignedUserId', 'date_added', 'imageUrl', 'dnd', 'HTMLBody', 'calendarIds'].map(humanize)).toEqual([
      'Assigned User ID',
      'Date Added',
      'Image URL',
      'DND',
      'HTML Body',
      'Calendar IDs',
    ]);
    const declared = new Map([['createdBy', 'Author']]);
    expect(labelFor('createdBy__name', declared)).toBe('Author Name');
    expect(labelFor('contact__firstName', declared)).toBe('Contact First Name');
    expect(labelFor('teamMembers[]userId', declared)).toBe('Team Members User ID');
  });

  it('labels every sample key the declaration leaves out, keeping the declared ones', () => {
    const fields = withSampleLabels(
      [{ key: 'name', label: 'Pipeline Name' }],
      { id: 'p1', _id: 'p1', name: 'Sales', stages: [{ id: 's1' }], searchAfter: [1] },
      'Pipeline',
    );
    expect(fields).toEqual([
      { key: 'name', label: 'Pipeline Name' },
      { key: 'id', label: 'Pipeline ID' },
      { key: '_id', label: 'Pipeline ID (_id)' },
      { key: 'stages[]id', label: 'Stages ID' },
    ]);
  });

  it("a step's output leaves HighLevel's internal keys behind (Find Contact by email)", async () => {
    highlevel()
      .post('/contacts/search')
      .reply(200, {
        contacts: [
          {
            id: 'c1',
            firstName: 'Rosa',
            firstNameLowerCase: 'rosa',
            emailLowerCase: 'rosa@example.com',
            searchAfter: [1741000000000, 'c1'],
          },
        ],
        total: 1,
      });
    const [found] = await run(operation('find_contact'), { query: 'Rosa' });
    expect(found).toMatchObject({ id: 'c1', firstName: 'Rosa' });
    expect(Object.keys(found).filter(isInternalKey)).toEqual([]);
  });
});
