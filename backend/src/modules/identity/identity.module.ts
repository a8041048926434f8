import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { Invitation } from './entities/invitation.entity';
import { Organisation } from './entities/organisation.entity';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { IdentityService } from './identity.service';
import { InvitationController } from './invitation.controller';
import { InvitationService } from './invitation.service';
import { OrganisationProfiles } from './organisation-profiles';
import { OrganisationSetup } from './organisation-setup.service';
import { PasswordPolicy } from './password-policy.service';
import { PasswordService } from './password.service';
import { People } from './people';
import { SessionService } from './session.service';
import { SignInLimiter } from './sign-in-limiter';
import { SupplierContacts } from './supplier-contacts';

/**
 * Owns organisations, users, sessions and invitations. Others read people through `People` and suppliers' contact
 * details through `SupplierContacts` (both read-only), and set up organisations through `OrganisationSetup`; nothing
 * else writes these tables.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Organisation, User, Session, Invitation])],
  controllers: [AuthController, AccountController, InvitationController],
  providers: [
    IdentityService,
    AccountService,
    InvitationService,
    PasswordService,
    PasswordPolicy,
    SessionService,
    SignInLimiter,
    People,
    OrganisationSetup,
    SupplierContacts,
    OrganisationProfiles,
  ],
  exports: [SessionService, People, OrganisationSetup, SupplierContacts, OrganisationProfiles],
})
export class IdentityModule {}
