import { Module } from '@nestjs/common';

/** Panels, conflict declarations, gates, individual scores and moderation of a lot's opened responses (issue 13). */
@Module({})
export class EvaluationModule {}
