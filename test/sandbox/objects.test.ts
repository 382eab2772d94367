import { sandboxApp } from './support';

// End to end: custom object records through the Zapier runtime against the sandbox, with the object's
// properties as typed inputs and labelled outputs.

const app = sandboxApp();
type Item = Record<string, any>;

async function fieldsOf(
  kind: 'creates' | 'triggers' | 'searches',
  key: string,
  part: 'inputFields' | 'outputFields',
  inputData: Item,
): Promise<Item[]> {
  const { createAppTester } = require('zapier-platform-core');
  const App = require('../../app/index').default;
  const tester = createAppTester(App);
  const list: unknown[] = App[kind][key].operation[part];
  const out: Item[] = [];
  for (const f of list) out.push(...(typeof f === 'function' ? await tester(f, { authData: app.authData, inputData }) : [f]));
  return out;
}

describe('custom objects in the sandbox', () => {
  it('object dropdown → typed property inputs → create (validated) → New Record → update → find → delete', async () => {
    const objects: Item[] = await app.run('custom_object_list');
    expect(objects.map((o) => [o.id, o.name])).toEqual([['custom_objects.pet', 'Pets']]); // the standard Contact object is left out
    const objectKey = objects[0].id;

    const inputs = await fieldsOf('creates', 'create_object_record', 'inputFields', { objectKey });
    expect(inputs.filter((f) => f.key.startsWith('property__')).map((f) => [f.key, f.label, f.type ?? 'string'])).toEqual([
      ['property__name', 'Pet Name', 'string'],
      ['property__weight_kg', 'Weight (kg)', 'number'],
      ['property__species', 'Species', 'string'],
      ['property__last_visit', 'Last Visit', 'datetime'],
    ]);
    expect(inputs.find((f) => f.key === 'property__species')?.choices).toEqual({ dog: 'dog', cat: 'cat' });
    const outputs = await fieldsOf('creates', 'create_object_record', 'outputFields', { objectKey });
    expect(outputs).toEqual(expect.arrayContaining([{ key: 'properties__weight_kg', label: 'Weight (kg)' }]));

    await expect(app.run('create_object_record', { objectKey, property__weight_kg: 'heavy' })).rejects.toThrow(
      /"?Weight \(kg\)"? \(property__weight_kg\) must be a number/,
    );
    await expect(app.run('create_object_record', { objectKey, property__species: 'parrot' })).rejects.toThrow(/Species/);
    await expect(app.run('create_object_record', { objectKey, property__colour: 'red' })).rejects.toThrow(/has no property colour/);
    await expect(app.run('create_object_record', { objectKey, property__species: 'cat' })).rejects.toThrow(/name is required/); // HighLevel's rule

    const before: Item[] = await app.run('new_object_record', { objectKey });
    const created = await app.run('create_object_record', {
      objectKey,
      property__name: 'Rex',
      property__weight_kg: '31.5',
      property__species: 'dog',
      property__last_visit: '2026-03-01',
    });
    expect(created).toMatchObject({ objectKey, properties: { name: 'Rex', weight_kg: 31.5, species: 'dog', last_visit: '2026-03-01' } });
    const after: Item[] = await app.run('new_object_record', { objectKey });
    expect(after[0].id).toBe(created.id);
    expect(before.map((r) => r.id)).not.toContain(created.id);

    expect(await app.run('update_object_record', { objectKey, recordId: created.id, property__weight_kg: '30' })).toMatchObject({
      properties: { name: 'Rex', weight_kg: 30 },
    });
    expect((await app.run('find_object_record', { objectKey, query: 'rex' })).map((r: Item) => r.id)).toEqual([created.id]);
    expect((await app.run('find_object_record', { objectKey, recordId: created.id }))[0].properties.name).toBe('Rex');
    expect((await app.run('object_record_list', { objectKey })).map((r: Item) => r.name)).toEqual(['Buddy', 'Rex']);

    expect(await app.run('delete_object_record', { objectKey, recordId: created.id })).toEqual({
      id: created.id,
      objectKey,
      deleted: true,
    });
    expect(await app.run('find_object_record', { objectKey, recordId: created.id })).toEqual([]);
  });
});
