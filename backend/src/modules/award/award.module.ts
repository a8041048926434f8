import { Module } from '@nestjs/common';

/** Price scores, results and sensitivity, the award decision, assessment summaries, standstill and the evaluation report (issue 13). */
@Module({})
export class AwardModule {}
