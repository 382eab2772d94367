import * as creates from '../../creates/users';
import * as searches from '../../searches/users';
import * as triggers from '../../triggers/users';
import { userSample } from '../../src/fields/user';
import { AUTH, highlevel, run } from '../support/highlevel';

const user = (id: string, extra: Record<string, unknown> = {}) => ({ ...userSample, id, ...extra });
const AGENCY = { authData: { ...AUTH, userType: 'Company' } };

describe('New User trigger', () => {
  it("asks for the location's newest users first, with the connection's company, in one request", async () => {
    const scope = highlevel()
      .get('/users/search')
      .query({ companyId: AUTH.companyId, locationId: AUTH.locationId, sort: 'dateAdded', sortDirection: 'desc', limit: '100', skip: '0' })
      .matchHeader('version', '2021-07-28')
      .reply(200, { users: [user('u2'), user('u1')], count: 2 });
    const results = await run(triggers.newUserTrigger);
    expect(results.map((u: any) => u.id)).toEqual(['u2', 'u1']);
    scope.done();
  });

  it('fails clearly, before any request, when the connection has no company id', async () => {
    await expect(run(triggers.newUserTrigger, {}, { authData: { ...AUTH, companyId: '' } })).rejects.toThrow(/company \(agency\) ID/);
  });
});

describe('user searches', () => {
  it('Find User by ID reads the user; a 404 is no result', async () => {
    highlevel().get('/users/u1').reply(200, user('u1'));
    expect((await run(searches.findUser, { userId: 'u1' })).map((u: any) => u.id)).toEqual(['u1']);
    highlevel().get('/users/nope').reply(404, { statusCode: 404, message: 'User not found' });
    expect(await run(searches.findUser, { userId: 'nope' })).toEqual([]);
  });

  it('Find User by email keeps exact email matches only', async () => {
    highlevel()
      .get('/users/search')
      .query({ companyId: AUTH.companyId, locationId: AUTH.locationId, query: 'Sam.Rivera@example.com', limit: '25', skip: '0' })
      .reply(200, { users: [user('u1'), user('u2', { email: 'sam.rivera@example.com.au' })], count: 2 });
    const found = await run(searches.findUser, { email: 'Sam.Rivera@example.com' });
    expect(found.map((u: any) => u.id)).toEqual(['u1']);
  });

  it('Find User rejects an invalid email before any request', async () => {
    await expect(run(searches.findUser, { email: 'not-an-email' })).rejects.toThrow(/Email \(email\)/);
  });

  it('Find Agency Users by Email sends the emails comma-separated with the company id (agency connection)', async () => {
    highlevel()
      .post('/users/search/filter-by-email', { companyId: AUTH.companyId, emails: 'a@example.com,b@example.com', projection: 'all' })
      .reply(200, { users: [user('u1', { email: 'a@example.com' })], count: 1 });
    const found = await run(searches.findUsersByEmail, { emails: 'a@example.com, b@example.com' }, AGENCY);
    expect(found.map((u: any) => u.email)).toEqual(['a@example.com']);
  });

  it('Find Agency Users by Email refuses a sub-account connection before any request', async () => {
    await expect(run(searches.findUsersByEmail, { emails: 'a@example.com' })).rejects.toThrow(/agency connection/);
  });
});

describe('user actions', () => {
  it("Create User gives the user this location by default and the connection's company", async () => {
    highlevel()
      .post('/users/', {
        companyId: AUTH.companyId,
        firstName: 'Sam',
        lastName: 'Rivera',
        email: 'sam.rivera@example.com',
        password: 'correct-horse-9',
        type: 'account',
        role: 'user',
        locationIds: [AUTH.locationId],
      })
      .reply(201, user('u9'));
    const result = await run(creates.createUser, {
      firstName: 'Sam',
      lastName: 'Rivera',
      email: 'sam.rivera@example.com',
      password: 'correct-horse-9',
    });
    expect(result).toMatchObject({ id: 'u9', email: 'sam.rivera@example.com' });
  });

  it('Create User rejects a short password before any request', async () => {
    await expect(
      run(creates.createUser, { firstName: 'Sam', lastName: 'Rivera', email: 'sam@example.com', password: 'short' }),
    ).rejects.toThrow(/Password \(password\) must be at least 8 characters/);
  });

  it('Update User puts only the filled fields to /users/{userId}', async () => {
    highlevel().put('/users/u1', { phone: '+15550100123' }).reply(200, user('u1'));
    expect((await run(creates.updateUser, { userId: 'u1', phone: '+15550100123', email: '' })).id).toBe('u1');
  });

  it('Delete User returns the user ID and HighLevel’s message', async () => {
    highlevel().delete('/users/u1').reply(200, { succeded: true, message: 'Queued deleting user' });
    expect(await run(creates.deleteUser, { userId: 'u1' })).toEqual({ id: 'u1', deleted: true, message: 'Queued deleting user' });
  });
});
