import { Inject, Injectable, PayloadTooLargeException } from '@nestjs/common';
import type { ImportedRequirement } from '@openbrief/contracts';
import { DomainError, ValidationFailedError } from '../../../common/errors/domain.error';
import { WorkerPool, workerFile } from '../../../common/workers/worker-pool';
import { SETTINGS, type Settings } from '../../../config/settings';
import { TOO_COMPLEX, TOOK_TOO_LONG, type ImportLimits, type ImportOutcome } from './import-refusals';
import type { ImportTask } from './import.worker';
import { splitText } from './split-specification';
import { inspectWordArchive } from './word-archive';

const WORKER = workerFile(__dirname, 'import.worker');

/** Pasted text up to this length is split on the event loop (a few milliseconds); longer goes to a worker. */
const INLINE_TEXT_CHARS = 20_000;

/**
 * Turns an existing specification into draft requirements (nothing is saved). Uploads are checked
 * cheaply here, then parsed in the worker pool with a time and memory limit.
 */
@Injectable()
export class SpecificationImportService {
  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly workers: WorkerPool,
  ) {}

  private get limits(): ImportLimits {
    return this.settings.import;
  }

  async fromText(text: string): Promise<ImportedRequirement[]> {
    if (text.length <= INLINE_TEXT_CHARS) return this.answer(splitText(text, this.limits));
    return this.answer(await this.inWorker({ kind: 'text', text, limits: this.limits }));
  }

  async fromFile(file: { originalname: string; buffer: Buffer }): Promise<ImportedRequirement[]> {
    const name = file.originalname.toLowerCase();
    if (name.endsWith('.docx')) {
      const refusal = await inspectWordArchive(file.buffer, this.limits);
      if (refusal) return this.answer(refusal);
      // A copy the worker owns (transferred, not cloned again): the upload's buffer may share a pooled ArrayBuffer.
      const bytes = new Uint8Array(file.buffer);
      return this.answer(await this.inWorker({ kind: 'docx', bytes, limits: this.limits }, [bytes.buffer]));
    }
    if (name.endsWith('.md') || name.endsWith('.txt') || name.endsWith('.markdown')) {
      const text = file.buffer.toString('utf8');
      if (text.includes('\u0000')) throw new ValidationFailedError('That file is not plain text. Upload a .docx, .md or .txt file.');
      return this.fromText(text);
    }
    throw new ValidationFailedError('Upload a Word (.docx), Markdown (.md) or text (.txt) file.', [
      { field: 'file', message: `"${file.originalname}" is not a .docx, .md or .txt file.` },
    ]);
  }

  private inWorker(task: ImportTask, transferList?: ArrayBuffer[]): Promise<ImportOutcome> {
    return this.workers.run<ImportOutcome>(WORKER, task, { tooLong: TOOK_TOO_LONG, tooBig: TOO_COMPLEX }, transferList);
  }

  private answer(outcome: ImportOutcome): ImportedRequirement[] {
    if (outcome.ok) return outcome.requirements;
    if (outcome.status === 413) throw new PayloadTooLargeException(outcome.message);
    throw new DomainError('unprocessable', outcome.message);
  }
}
