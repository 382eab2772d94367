import { offsetPages } from '../../src/client';
import { endpoint } from '../../src/api/endpoint';
import { matchByName } from '../../src/factories/nameSearch';
import { pathFromInput, requestFromInput } from '../../src/factories/operation';

describe('offsetPages', () => {
  it('reads full pages until a short one, each at the next offset', async () => {
    const offsets: number[] = [];
    const items = await offsetPages(2, async (offset) => {
      offsets.push(offset);
      return offset < 4 ? [{ id: `a${offset}` }, { id: `b${offset}` }] : [{ id: 'last' }];
    });
    expect(offsets).toEqual([0, 2, 4]);
    expect(items.map((i) => i.id)).toEqual(['a0', 'b0', 'a2', 'b2', 'last']);
  });

  it("follows HighLevel's own 'more' flag, from after the records read", async () => {
    const offsets: number[] = [];
    const items = await offsetPages(20, async (offset) => {
      offsets.push(offset);
      return { items: [{ id: `n${offset}` }], more: offset < 2 };
    });
    expect(offsets).toEqual([0, 1, 2]);
    expect(items).toHaveLength(3);
  });

  it('stops at the page cap', async () => {
    let pages = 0;
    await offsetPages(1, async (offset) => (pages++, [{ id: `r${offset}` }]), 3);
    expect(pages).toBe(3);
  });
});

describe('matchByName', () => {
  const items = [
    { id: '1', name: 'Sales Team', slug: 'sales' },
    { id: '2', name: 'Sales', slug: 'team-sales' },
    { id: '3', name: 'Support' },
  ];

  it('prefers exact names (case and spaces aside), else names containing the text', () => {
    expect(matchByName(items, ' SALES ').map((i) => i.id)).toEqual(['2']);
    expect(matchByName(items, 'team').map((i) => i.id)).toEqual(['1']);
    expect(matchByName(items, 'nothing')).toEqual([]);
  });

  it('matches any of several names', () => {
    expect(matchByName(items, 'sales', (i) => [i.slug]).map((i) => i.id)).toEqual(['1']);
    expect(matchByName(items, 'team-s', (i) => [i.name, i.slug]).map((i) => i.id)).toEqual(['2']);
  });
});

describe('path parameters from the input', () => {
  const del = endpoint('locations.json', 'DELETE /locations/{locationId}/customFields/{id}', { operationId: 'x', scope: 's' });
  const put = endpoint('locations.json', 'PUT /locations/{locationId}/customFields/{id}', { operationId: 'x', scope: 's' });

  it('fills a parameter from the input key of its name, or the one pathFrom names, and keeps the rest', () => {
    expect(pathFromInput(del, { id: 'f1', other: 'x' })).toEqual({ path: { id: 'f1' }, rest: { other: 'x' } });
    expect(pathFromInput(del, { customFieldId: 'f1', id: 'not me' }, { id: 'customFieldId' })).toEqual({
      path: { id: 'f1' },
      rest: { id: 'not me' },
    });
  });

  it('sends the rest as query on DELETE and as body on PUT', () => {
    expect(requestFromInput(del, { customFieldId: 'f1', force: true }, { id: 'customFieldId' })).toEqual({
      path: { id: 'f1' },
      query: { force: true },
    });
    expect(requestFromInput(put, { customFieldId: 'f1', name: 'Age' }, { id: 'customFieldId' })).toEqual({
      path: { id: 'f1' },
      body: { name: 'Age' },
    });
  });
});
