// The comparison for the collaboration bench: a bare Hocuspocus server (same version as Openbrief's) with
// no extensions, no authentication and no persistence, relaying the same edits. Run by collab.mjs.
import { Server } from '@hocuspocus/server';

const server = new Server({ port: Number(process.env.PORT), address: '127.0.0.1', quiet: true });
await server.listen();
process.send?.({ listening: true });
