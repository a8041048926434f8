import { Injectable } from '@nestjs/common';
import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import type { CurrentUser } from '@openbrief/contracts';
import { AccessService } from '../../../common/access/access.service';
import { SessionService } from '../../identity/session.service';
import { TenderService } from '../../tenders/tender.service';
import { tenderIdOf } from '../live-document';
import { sessionToken } from '../session-token';

/** What Hocuspocus keeps for each connection once it is authenticated (its `context`). */
export interface CollabContext {
  user: CurrentUser;
  tenderId: string;
}

/**
 * Who may open a live document: the same session cookie as REST, and the same rule as the REST API's
 * working copy (`tender.read` and `tender.edit` in common/access/access-policy.ts). Anyone else is refused
 * as for a tender that does not exist, before its document is loaded. Once the tender stops being editable, connections only follow
 * (the durable log catches a tender that stops being editable later, at the next update).
 */
@Injectable()
export class AuthenticationExtension implements Extension {
  readonly extensionName = 'openbrief-authentication';

  constructor(
    private readonly sessions: SessionService,
    private readonly tenders: TenderService,
    private readonly access: AccessService,
  ) {}

  async onAuthenticate({ requestHeaders, documentName, connectionConfig }: onAuthenticatePayload): Promise<CollabContext> {
    const tenderId = tenderIdOf(documentName);
    const token = sessionToken(requestHeaders.cookie);
    const user = token ? await this.sessions.resolve(token) : null;
    if (!user) throw new Error('Please sign in to continue.');
    if (!tenderId) throw new Error('That document was not found.');
    // Someone who may not read working copies (an evaluator) is refused as for another organisation's tender.
    const status = await this.tenders.statusFor(user, tenderId).catch(() => null);
    if (!status) throw new Error('That tender was not found.');
    // statusFor answered, so the tender is the user's organisation's: what remains is whether its status lets them write.
    connectionConfig.readOnly = !this.access.can(user, 'tender.edit', { organisationId: user.organisation.id, status });
    return { user, tenderId };
  }
}
