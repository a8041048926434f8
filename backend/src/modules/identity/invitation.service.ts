import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type CurrentUser, type InvitationCreated, type InvitationPreview, invitableRolesFor } from '@openbrief/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { AccessService } from '../../common/access/access.service';
import { InvitationAccepted, InvitationSent } from '../../common/events/domain-events';
import { DomainEvents } from '../../common/events/domain-events.service';
import { Transactions } from '../../database/transactions';
import { SETTINGS, type Settings } from '../../config/settings';
import { NotFoundError } from '../../common/errors/domain.error';
import type { AcceptInvitationDto } from './dto/accept-invitation.dto';
import type { CreateInvitationDto } from './dto/create-invitation.dto';
import { Invitation } from './entities/invitation.entity';
import { Organisation } from './entities/organisation.entity';
import { User } from './entities/user.entity';
import { InvitationForExistingAccountError, InvitationUnusableError, RoleNotInvitableError } from './errors/identity.errors';
import { toCurrentUser } from './identity.mapper';
import { PasswordPolicy } from './password-policy.service';
import { PasswordService } from './password.service';
import { hashToken } from './session.service';

@Injectable()
export class InvitationService {
  constructor(
    private readonly transactions: Transactions,
    @InjectRepository(Invitation) private readonly invitations: Repository<Invitation>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordService,
    private readonly policy: PasswordPolicy,
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly events: DomainEvents,
    private readonly access: AccessService,
  ) {}

  /**
   * Buyers and admins invite buyers and evaluators; suppliers invite fellow suppliers. Invites any address,
   * whether or not it already has an account, and answers alike, so nobody can use invitations to learn who
   * has an account; acceptance turns an existing account away.
   * TODO(notifications): e-mail the link to the invitee instead of returning it to the inviter.
   */
  async invite(inviter: CurrentUser, dto: CreateInvitationDto): Promise<InvitationCreated> {
    this.access.require(inviter, 'team.invite');
    // Always into the inviter's own organisation (below), and only roles of its kind: refused before anything is written.
    const allowed = invitableRolesFor(inviter.role);
    if (!allowed.includes(dto.role)) throw new RoleNotInvitableError(allowed);
    const token = randomBytes(24).toString('base64url');
    const now = new Date();
    const invitation = this.invitations.create({
      id: randomUUID(),
      organisationId: inviter.organisation.id,
      email: dto.email,
      role: dto.role,
      tokenHash: hashToken(token),
      invitedById: inviter.id,
      expiresAt: new Date(now.getTime() + this.settings.invitationDays * 86_400_000),
      acceptedAt: null,
      createdAt: now,
    });
    await this.transactions.run(async (tx) => {
      await tx.insert(Invitation, invitation);
      const actor = { userId: inviter.id, name: inviter.name, organisationId: inviter.organisation.id };
      // The audit log keeps the invitee's domain, not their address (InvitationSent).
      await this.events.emit(tx, new InvitationSent(actor, invitation.id, invitation.role, dto.email.split('@').pop() ?? ''));
    });
    return {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt.toISOString(),
      acceptPath: `/invitations/${token}`,
    };
  }

  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.usable(token);
    return {
      email: invitation.email,
      role: invitation.role,
      organisationName: invitation.organisation!.name,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /** Claims the invitation and creates the account in one transaction, so a link works exactly once. */
  async accept(dto: AcceptInvitationDto): Promise<CurrentUser> {
    const invitation = await this.usable(dto.token);
    if (await this.users.existsBy({ email: invitation.email })) throw new InvitationForExistingAccountError();
    this.policy.assertStrong(dto.password, {
      email: invitation.email,
      name: dto.name,
      organisationName: invitation.organisation!.name,
    });
    const passwordHash = await this.passwords.hash(dto.password);
    const now = new Date();
    return this.transactions.run(async (tx) => {
      const claimed = await tx.update(Invitation, { id: invitation.id, acceptedAt: IsNull() }, { acceptedAt: now });
      if (!claimed.affected) throw new InvitationUnusableError('used');
      const user = tx.create(User, {
        id: randomUUID(),
        organisationId: invitation.organisationId,
        email: invitation.email,
        name: dto.name,
        passwordHash,
        role: invitation.role,
        createdAt: now,
      });
      try {
        await tx.insert(User, user);
      } catch (e) {
        // The address got an account (a supplier sign-up) between the check above and now.
        if (/UNIQUE|duplicate key/i.test(String(e))) throw new InvitationForExistingAccountError();
        throw e;
      }
      const actor = { userId: user.id, name: user.name, organisationId: user.organisationId };
      await this.events.emit(tx, new InvitationAccepted(actor, invitation.id, user.id, user.role));
      return toCurrentUser(user, invitation.organisation as Organisation);
    });
  }

  private async usable(token: string): Promise<Invitation> {
    const invitation = await this.invitations.findOne({
      where: { tokenHash: hashToken(token) },
      relations: { organisation: true },
    });
    if (!invitation) throw new NotFoundError('That invitation');
    if (invitation.acceptedAt) throw new InvitationUnusableError('used');
    if (invitation.expiresAt.getTime() <= Date.now()) throw new InvitationUnusableError('expired');
    return invitation;
  }
}
