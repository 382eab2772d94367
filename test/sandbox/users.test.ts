import { call, sandboxApp } from './support';

// End to end: the user operations run through the Zapier runtime against the sandbox (sub-account connection),
// and the agency-only lookup on an agency connection.

const app = sandboxApp();
const agency = sandboxApp({ agency: true });
type Item = Record<string, any>;

describe('users in the sandbox', () => {
  it('create → New User fires → find by email and id → update → delete → no longer found', async () => {
    const email = `dana.${Date.now()}@sandbox-plumbing.example.com`;
    const before: Item[] = await app.run('new_user');
    expect(before.length).toBe(app.sandbox.state.usersOf(app.locationId).length);

    const created = await app.run('create_user', {
      firstName: 'Dana',
      lastName: 'Kim',
      email,
      password: 'Sandbox!2345',
      phone: '+15550100142',
    });
    expect(created).toMatchObject({ name: 'Dana Kim', email, roles: { role: 'user', type: 'account', locationIds: [app.locationId] } });
    expect(created.password).toBeUndefined(); // never answered

    const after: Item[] = await app.run('new_user');
    expect(after[0].id).toBe(created.id); // newest first
    expect(before.map((u) => u.id)).not.toContain(created.id);

    expect((await app.run('find_user', { email })).map((u: Item) => u.id)).toEqual([created.id]);
    expect((await app.run('find_user', { userId: created.id }))[0]).toMatchObject({ id: created.id, email });

    const updated = await app.run('update_user', { userId: created.id, lastName: 'Kim-Lee' });
    expect(updated).toMatchObject({ id: created.id, name: 'Dana Kim-Lee' });

    expect(await app.run('delete_user', { userId: created.id })).toMatchObject({ id: created.id, deleted: true });
    expect(await app.run('find_user', { userId: created.id })).toEqual([]);
    expect((await app.run('user_list')).map((u: Item) => u.id)).not.toContain(created.id);
  });

  it('a second user with the same email is refused', async () => {
    const [existing] = app.sandbox.state.usersOf(app.locationId);
    await expect(
      app.run('create_user', { firstName: 'Sam', lastName: 'Again', email: existing.email, password: 'Sandbox!2345' }),
    ).rejects.toThrow(/already exists/);
  });

  it('Find Users by Email works on an agency connection, and is refused for a sub-account token', async () => {
    const [sam, priya] = agency.sandbox.state.usersOf(agency.locationId);
    const found: Item[] = await agency.run('find_users_by_email', { emails: [sam.email, priya.email.toUpperCase()] });
    expect(found.map((u) => u.id).sort()).toEqual([sam.id, priya.id].sort());

    const res = await call(app.sandbox, 'POST', '/users/search/filter-by-email', {
      token: app.token(),
      body: { companyId: app.sandbox.state.companyId, emails: sam.email },
    });
    expect(res.status).toBe(401);
  });
});
