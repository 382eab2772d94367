import { highlevel, run, operation, AUTH } from '../support/highlevel';
test('probe', async () => {
  highlevel().get('/contacts/search/duplicate').query(true).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
  const e: any = await run(operation('find_contact'), { email: 'rosa@example.com' }).catch((e) => e);
  console.log(e.stack);
  highlevel().get('/contacts/search/duplicate').query(true).replyWithError('boom');
  const e3: any = await run(operation('find_contact'), { email: 'rosa@example.com' }).catch((e) => e);
  console.log(e3.stack);
});
