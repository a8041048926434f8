import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { Role } from '@openbrief/contracts';
import { AppModule } from '../app.module';
import { loadSettings } from '../config/settings';
import { TenderPackService } from '../modules/documents/tender-pack.service';
import { People } from '../modules/identity/people';
import { PublishedPacks } from '../modules/tenders/lifecycle/published-packs';
import { PublishedRecords } from '../modules/tenders/lifecycle/published-records';
import { TenderQueries } from '../modules/tenders/tender-queries';
import { TenderService } from '../modules/tenders/tender.service';

const USAGE =
  'Usage: npm run pack -- --tender REFERENCE --out FILE.pdf [--draft]\n' +
  '  Writes the tender pack: the latest published version, or the working copy (watermarked DRAFT) with --draft or when never published.';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        tender: { type: 'string' },
        out: { type: 'string' },
        draft: { type: 'boolean', default: false },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 1;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (!args.tender || !args.out) {
    console.error(USAGE);
    return 1;
  }
  const settings = loadSettings({
    ...process.env,
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'silent',
    SEED_DEMO: process.env['SEED_DEMO'] ?? 'false',
  });
  const app = await NestFactory.createApplicationContext(AppModule.register(settings), { logger: false });
  try {
    // Through the modules' own services and read-only queries, as the app reads: this tool writes no table itself.
    const tender = await app.get(TenderQueries).byReference(args.tender);
    if (!tender) {
      console.error(`No tender has the reference "${args.tender}".`);
      return 1;
    }
    const started = process.hrtime.bigint();
    if (!args.draft && tender.publishedVersion > 0) {
      const row = (await app.get(PublishedRecords).versionRow(tender.id, tender.publishedVersion))!;
      const { pdf, sha256 } = await app.get(PublishedPacks).published(row);
      await writeFile(args.out, pdf);
      console.log(`Wrote ${args.out}: version ${row.version}, ${(pdf.length / 1024).toFixed(0)} KB, SHA-256 ${sha256}`);
    } else {
      // The working copy is read as a member of the buying organisation would read it.
      const member = await app.get(People).memberAs(tender.organisationId, [Role.Buyer, Role.Admin]);
      if (!member) {
        console.error(`Nobody in the buying team of "${args.tender}" can read its working copy.`);
        return 1;
      }
      const detail = await app.get(TenderService).get(member, tender.id);
      const result = await app.get(TenderPackService).streamDraft(detail, createWriteStream(args.out));
      console.log(
        `Wrote ${args.out}: draft, ${result.pageCount} pages, ${(result.byteLength / 1024).toFixed(0)} KB, SHA-256 ${result.sha256}`,
      );
    }
    console.log(`Took ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0)} ms`);
    return 0;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
