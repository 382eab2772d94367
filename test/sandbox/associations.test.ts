import { sandboxApp } from './support';

// End to end: associations (typed links between objects) and relations (links between two records), run through
// the Zapier runtime against the sandbox.

const app = sandboxApp();
type Item = Record<string, any>;

describe('associations and relations in the sandbox', () => {
  it('create → listed and found by id, key and object → relabel → relate two contacts → delete relation → delete', async () => {
    const before: Item[] = await app.run('association_list');
    expect(before.map((a) => a.key)).toEqual(['contact_business']); // HighLevel's system association

    const created = await app.run('create_association', {
      key: 'referrer_referred',
      firstObjectKey: 'contact',
      firstObjectLabel: 'Referrer',
      secondObjectKey: 'contact',
      secondObjectLabel: 'Referred',
    });
    expect(created).toMatchObject({ key: 'referrer_referred', associationType: 'USER_DEFINED' });
    expect((await app.run('association_list')).map((a: Item) => a.id)).toContain(created.id);
    expect((await app.run('find_association', { associationId: created.id })).map((a: Item) => a.id)).toEqual([created.id]);
    expect((await app.run('find_association', { key: 'referrer_referred' })).map((a: Item) => a.id)).toEqual([created.id]);
    expect(await app.run('find_association', { key: 'no_such_key' })).toEqual([]);
    // By object: the first association involving it (the spec answers one).
    expect((await app.run('find_association', { objectKey: 'business' })).map((a: Item) => a.key)).toEqual(['contact_business']);

    const relabeled = await app.run('update_association', {
      associationId: created.id,
      firstObjectLabel: 'Referring Customer',
      secondObjectLabel: 'Referred Lead',
    });
    expect(relabeled).toMatchObject({ id: created.id, firstObjectLabel: 'Referring Customer' });

    const [rosa, tom] = app.sandbox.state.contactsOf(app.locationId);
    const relation = await app.run('create_relation', { associationId: created.id, firstRecordId: rosa.id, secondRecordId: tom.id });
    expect(relation).toMatchObject({ associationId: created.id, firstRecordId: rosa.id, secondRecordId: tom.id });
    // Both records see it.
    expect((await app.run('find_relations', { recordId: tom.id })).map((r: Item) => r.id)).toEqual([relation.id]);
    expect((await app.run('relation_list', { recordId: rosa.id })).map((r: Item) => r.id)).toEqual([relation.id]);

    expect(await app.run('delete_relation', { relationId: relation.id })).toMatchObject({ id: relation.id, deleted: true });
    expect(await app.run('find_relations', { recordId: tom.id })).toEqual([]);

    expect(await app.run('delete_association', { associationId: created.id })).toMatchObject({ id: created.id, deleted: true });
    expect(await app.run('find_association', { associationId: created.id })).toEqual([]);
  });

  it('a duplicate key and changes to the system association are refused', async () => {
    const [system] = await app.run('association_list');
    await expect(
      app.run('create_association', {
        key: system.key,
        firstObjectKey: 'contact',
        firstObjectLabel: 'A',
        secondObjectKey: 'business',
        secondObjectLabel: 'B',
      }),
    ).rejects.toThrow(/already exists/);
    await expect(app.run('delete_association', { associationId: system.id })).rejects.toThrow(/cannot be deleted/);
  });
});
