import { sandboxApp } from './support';

// End to end: custom values and the location's tag list through the Zapier runtime against the sandbox.

const app = sandboxApp();
type Item = Record<string, any>;

describe('custom values and tags in the sandbox', () => {
  it('create → find by name and by merge field → update the value only (name kept) → dropdown', async () => {
    const created = await app.run('create_custom_value', { name: 'Promo Code', value: 'SPRING10' });
    expect(created).toMatchObject({ name: 'Promo Code', fieldKey: '{{ custom_values.promo_code }}', value: 'SPRING10' });
    await expect(app.run('create_custom_value', { name: 'promo code', value: 'x' })).rejects.toThrow(/already exists/);

    expect((await app.run('find_custom_value', { name: 'promo code' })).map((c: Item) => c.id)).toEqual([created.id]);
    expect((await app.run('find_custom_value', { name: '{{ custom_values.promo_code }}' })).map((c: Item) => c.id)).toEqual([created.id]);
    expect((await app.run('find_custom_value', { customValueId: created.id }))[0].value).toBe('SPRING10');
    expect(await app.run('find_custom_value', { name: 'nothing like it' })).toEqual([]);

    const updated = await app.run('update_custom_value', { customValueId: created.id, value: 'SUMMER20' });
    expect(updated).toMatchObject({ id: created.id, name: 'Promo Code', value: 'SUMMER20' });
    const renamed = await app.run('update_custom_value', { customValueId: created.id, value: 'SUMMER20', name: 'Summer Promo' });
    expect(renamed.fieldKey).toBe('{{ custom_values.summer_promo }}');

    const choices: Item[] = await app.run('custom_value_list');
    expect(choices.map((c) => c.name)).toEqual(['Booking Link', 'Summer Promo']);
  });

  it('create → rename (contacts follow) → delete a tag; the tag dropdowns list it by ID and by name', async () => {
    const tag = await app.run('create_tag', { name: 'webinar-2026' });
    expect(tag).toMatchObject({ name: 'webinar-2026' });
    expect((await app.run('location_tag_list')).map((t: Item) => t.id)).toContain(tag.id);
    const [contact] = await app.run('contact_list');
    await app.run('add_contact_tags', { contactId: contact.id, tags: ['webinar-2026'] });

    expect(await app.run('update_tag', { tagId: tag.id, name: 'webinar-spring' })).toMatchObject({ id: tag.id, name: 'webinar-spring' });
    expect((await app.run('tag_list')).map((t: Item) => t.name)).toContain('webinar-spring');
    expect((await app.run('find_contact', { contactId: contact.id }))[0].tags).toContain('webinar-spring');

    expect(await app.run('delete_tag', { tagId: tag.id })).toEqual({ id: tag.id, deleted: true });
    expect((await app.run('location_tag_list')).map((t: Item) => t.id)).not.toContain(tag.id);
    await expect(app.run('delete_tag', { tagId: tag.id })).rejects.toThrow(/404/);
  });
});
