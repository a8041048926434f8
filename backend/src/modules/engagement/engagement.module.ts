import { Module } from '@nestjs/common';

/**
 * Preliminary market engagement (issue 15): a buyer publishes draft outcomes before the tender, suppliers
 * comment, propose alternatives and register for the event, and the buyer adopts suggestions into the draft.
 */
@Module({})
export class EngagementModule {}
