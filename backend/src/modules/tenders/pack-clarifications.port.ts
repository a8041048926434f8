import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Clarification } from '@openbrief/documents';

/**
 * What a tender pack needs from clarification questions: the answers published to everyone (never who asked),
 * for Annex A. The clarifications module implements it and provides it under PACK_CLARIFICATIONS; it depends on
 * this module, never the other way round, so the pack looks the port up once the application is built (and
 * prints an empty annex without it).
 */
export interface PackClarifications {
  /** Answers published at or before `at`, oldest first: a version's pack holds what was public when it was published. */
  publishedBy(tenderId: string, at: Date): Promise<Clarification[]>;
}

export const PACK_CLARIFICATIONS = Symbol('PackClarifications');

/** The port as the tenders module uses it: looked up once the application is built; no answers without it. */
@Injectable()
export class PackAnswers {
  private port: PackClarifications | null | undefined;

  constructor(private readonly moduleRef: ModuleRef) {}

  async publishedBy(tenderId: string, at: Date): Promise<Clarification[]> {
    if (this.port === undefined) {
      try {
        this.port = this.moduleRef.get<PackClarifications>(PACK_CLARIFICATIONS, { strict: false });
      } catch {
        // An application without the clarifications module (or not built yet): the annex says none were answered.
        return [];
      }
    }
    return this.port ? this.port.publishedBy(tenderId, at) : [];
  }
}
