import { Module } from '@nestjs/common';
import { WorkerPool } from './worker-pool';

/** One worker pool for the whole process; modules that run CPU-heavy work import this. */
@Module({
  providers: [WorkerPool],
  exports: [WorkerPool],
})
export class WorkersModule {}
