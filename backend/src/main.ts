import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from './bootstrap';
import { loadSettings } from './config/settings';

async function main(): Promise<void> {
  const settings = loadSettings();
  const app = await createApp(settings);
  const logger = new Logger('Openbrief');
  keepServingAfterStrayErrors(logger);
  await listenOnEveryInterface(app, settings.port);
  logger.log(`Openbrief is running on http://localhost:${settings.port} (API docs: /api/docs)`);

  // Stop taking new connections, let in-flight requests finish, close the database, then exit 0.
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.log(`${signal} received: finishing in-flight requests`);
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(error);
          process.exit(1);
        },
      );
    });
  }
}

/**
 * Every interface, as Node (and so the Express adapter) listened by default: Fastify alone would listen on
 * localhost only, unreachable from outside a container. `::` takes IPv4 too; a host without IPv6 gets `0.0.0.0`.
 */
async function listenOnEveryInterface(app: NestFastifyApplication, port: number): Promise<void> {
  try {
    await app.listen(port, '::');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EAFNOSUPPORT' && code !== 'EADDRNOTAVAIL') throw error;
    await app.listen(port, '0.0.0.0');
  }
}

/**
 * An error nothing caught (a throw in a socket or timer callback, a promise nobody awaited) is logged
 * and the process keeps serving. Node's default is to exit, which would let one bad request from anyone
 * on the internet end every user's session and live connection. Staying up is safe here because no
 * state that matters lives only in memory: writes are transactions, and live edits are logged before
 * they are acknowledged, so a failed piece of work leaves nothing half-written behind. Each such error
 * is still a bug: it is logged at error level with its stack, to be found and fixed.
 */
function keepServingAfterStrayErrors(logger: Logger): void {
  process.on('uncaughtException', (error: Error, origin: string) => {
    logger.error({ err: error, origin }, `Uncaught error (${origin}); still serving: ${error.message}`);
  });
  process.on('unhandledRejection', (reason: unknown) => {
    const error = reason instanceof Error ? reason : new Error(String(reason));
    logger.error({ err: error }, `Unhandled promise rejection; still serving: ${error.message}`);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
