import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { ResponseOutcome } from '@openbrief/contracts';
import type { EntityManager } from 'typeorm';

/**
 * What a supplier's response page needs from the award: the outcome its issued assessment summary gives. The award
 * module implements it and provides it under RESPONSE_OUTCOMES; it depends on this module (through the evaluation),
 * never the other way round, so the responses module looks the port up once the application is built.
 */
export interface ResponseOutcomes {
  /** The outcome of each response whose assessment summary is issued, read in `m`; responses without one are left out. */
  of(m: EntityManager, responseIds: string[]): Promise<Map<string, ResponseOutcome>>;
}

export const RESPONSE_OUTCOMES = Symbol('ResponseOutcomes');

/** The port as the responses module uses it: looked up once the application is built; no outcome without it. */
@Injectable()
export class ResponseOutcomeLookup {
  private port: ResponseOutcomes | null | undefined;

  constructor(private readonly moduleRef: ModuleRef) {}

  async of(m: EntityManager, responseId: string): Promise<ResponseOutcome | null> {
    if (this.port === undefined) {
      try {
        this.port = this.moduleRef.get<ResponseOutcomes>(RESPONSE_OUTCOMES, { strict: false });
      } catch {
        // An application without the award module (or not built yet): no response has an outcome.
        return null;
      }
    }
    return this.port ? ((await this.port.of(m, [responseId])).get(responseId) ?? null) : null;
  }
}
