import { createAppTester } from 'zapier-platform-core';
import App from '../../app/index';
import { contractRecords, expectContractClean, highlevel } from '../support/highlevel';

// The guard every test runs after itself (test/setup-after-env.ts): prove it catches a request that breaks
// HighLevel's contract, so a green suite means the app's requests were checked.
describe('contract guard', () => {
  const appTester = createAppTester(App);

  it('fails a test whose request breaks the OpenAPI contract', async () => {
    highlevel()
      .post('/contacts/')
      .reply(201, { contact: { id: 'x' } });
    // A hand-made request without the required locationId and with the calendars' Version header.
    await appTester(
      async (z: any) =>
        (
          await z.request({
            method: 'POST',
            url: 'https://services.leadconnectorhq.com/contacts/',
            headers: { Version: '2021-04-15', Authorization: 'Bearer t' },
            body: { firstName: 'A' },
          })
        ).data,
      { authData: {} } as any,
    );
    expect(contractRecords).toHaveLength(1);
    let report = '';
    try {
      expectContractClean();
    } catch (error) {
      report = (error as Error).message;
    }
    // Both planted violations are reported.
    expect(report).toMatch(/locationId/);
    expect(report).toMatch(/Version/);
  });

  it('passes a request that keeps the contract', async () => {
    highlevel()
      .get('/contacts/c1')
      .reply(200, { contact: { id: 'c1' } });
    await appTester(
      async (z: any) =>
        (
          await z.request({
            url: 'https://services.leadconnectorhq.com/contacts/c1',
            headers: { Version: '2021-07-28', Authorization: 'Bearer t' },
          })
        ).data,
      { authData: {} } as any,
    );
    expect(contractRecords.filter((r) => !r.ok)).toEqual([]);
    expect(contractRecords).toHaveLength(1);
  });
});
