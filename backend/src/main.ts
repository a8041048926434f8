import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { loadSettings } from './config/settings';

async function main(): Promise<void> {
  const settings = loadSettings();
  const app = await createApp(settings);
  await app.listen(settings.port);
  new Logger('Openbrief').log(`Openbrief is running on http://localhost:${settings.port} (API docs: /api/docs)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
