// The comparison for the HTTP-stack bench: a bare Fastify route (same Fastify version as Openbrief's
// dependencies) answering a fixed JSON body, with no plugins, no logging and no database. Run by http-stack.mjs.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
const body = { status: 'ok', database: 'up', version: 'bare' };
app.get('/bare', async () => body);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.({ listening: true });
