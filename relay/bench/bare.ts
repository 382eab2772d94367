/** The ceiling for the relay benchmark: fastify answering 200 to the same POSTs, doing nothing else. */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
app.post('/v1/highlevel/webhook', async () => ({ ok: true }));
app.listen({ host: '127.0.0.1', port: 0 }).then((url) => process.stdout.write(`relay listening on ${url}\n`));
