import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Piscina } from 'piscina';
import { SETTINGS, type Settings } from '../../config/settings';
import { DomainError, RetryLaterError } from '../errors/domain.error';

/** Seconds a client is asked to wait when every worker is busy and the queue is full. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

/** Every worker is busy and the queue is full: answered 429 with Retry-After. */
export class WorkersBusyError extends RetryLaterError {
  constructor() {
    super('The service is busy with other documents right now. Please try again in a few seconds.', BUSY_RETRY_AFTER_SECONDS);
  }
}

export interface WorkerRefusals {
  /** Said when the task ran past WORKER_TIMEOUT_MS. */
  tooLong: string;
  /** Said when the task ran out of its WORKER_MEMORY_MB heap. */
  tooBig: string;
}

/**
 * The path of a worker file beside `dir`: the compiled .js in dist/backend, or the .ts source when the
 * backend runs from sources (Jest), in which case the pool loads it through @swc-node/register.
 */
export function workerFile(dir: string, name: string): string {
  const js = join(dir, `${name}.js`);
  return existsSync(js) ? js : join(dir, `${name}.ts`);
}

// This module is itself a .ts file only when the backend runs from sources.
const FROM_SOURCES = __filename.endsWith('.ts');

/**
 * One small pool of worker threads for CPU-heavy work (parsing uploaded documents, checking long texts),
 * so one request never stalls the event loop for everyone else. Each task gets a time limit (it is
 * aborted, and its thread ended, when over) and every thread a heap limit (it is ended when over).
 */
@Injectable()
export class WorkerPool implements OnModuleDestroy {
  private pool: Piscina | null = null;
  /** Tasks running or waiting. Counted here rather than by piscina's maxQueue, which also queues while threads start. */
  private inFlight = 0;

  constructor(@Inject(SETTINGS) private readonly settings: Settings) {}

  /** Runs the default export of `filename` with `task`; refusals are domain errors with the caller's wording. */
  async run<T>(filename: string, task: unknown, refusals: WorkerRefusals, transferList?: ArrayBuffer[]): Promise<T> {
    const { threads, queue } = this.settings.workers;
    if (this.inFlight >= threads + queue) throw new WorkersBusyError();
    const pool = this.start();
    this.inFlight++;
    try {
      // The time limit counts from queuing, so a task that waited long has less left: the client is waiting too.
      return (await pool.run(task, { filename, signal: AbortSignal.timeout(this.settings.workers.timeoutMs), transferList })) as T;
    } catch (error) {
      throw this.refusal(error, refusals);
    } finally {
      this.inFlight--;
    }
  }

  async onModuleDestroy(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }

  private refusal(error: unknown, refusals: WorkerRefusals): unknown {
    const e = error as { name?: string; code?: string; message?: string };
    if (e?.name === 'AbortError') return new DomainError('unprocessable', refusals.tooLong);
    if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY') return new DomainError('unprocessable', refusals.tooBig);
    return error;
  }

  private start(): Piscina {
    if (this.pool) return this.pool;
    const { threads, memoryMb } = this.settings.workers;
    const root = resolve(__dirname, '../../../..');
    this.pool = new Piscina({
      minThreads: 0,
      maxThreads: threads,
      // Threads that sit idle this long are ended; the next task starts one again.
      idleTimeout: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.max(16, Math.round(memoryMb / 8)) },
      ...(FROM_SOURCES
        ? {
            execArgv: ['--require', require.resolve('@swc-node/register')],
            env: { ...process.env, SWC_NODE_PROJECT: process.env['SWC_NODE_PROJECT'] ?? join(root, 'tsconfig.base.json') },
          }
        : {}),
    });
    return this.pool;
  }
}
