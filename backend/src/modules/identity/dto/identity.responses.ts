import { ApiProperty } from '@nestjs/swagger';
import {
  type CurrentUser,
  type InvitableRole,
  type InvitationCreated,
  type InvitationPreview,
  type OrganisationAddress,
  type OrganisationDetails,
  type OrganisationMember,
  type OrganisationMembers,
  type OrganisationSummary,
  type SessionState,
  type SignUpAccepted,
  SIGN_UP_ACCEPTED_MESSAGE,
  OrganisationKind,
  Role,
} from '@openbrief/contracts';

export class OrganisationSummaryResponse implements OrganisationSummary {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: OrganisationKind }) kind!: OrganisationKind;
}

export class CurrentUserResponse implements CurrentUser {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: Role }) role!: Role;
  @ApiProperty({ type: OrganisationSummaryResponse }) organisation!: OrganisationSummaryResponse;
}

export class InvitationCreatedResponse implements InvitationCreated {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: [Role.Buyer, Role.Evaluator, Role.Supplier] }) role!: InvitableRole;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ description: 'Open once to accept; shown only in this response' }) acceptPath!: string;
}

export class InvitationPreviewResponse implements InvitationPreview {
  @ApiProperty() email!: string;
  @ApiProperty({ enum: [Role.Buyer, Role.Evaluator, Role.Supplier] }) role!: InvitableRole;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class SignUpAcceptedResponse implements SignUpAccepted {
  @ApiProperty({ example: SIGN_UP_ACCEPTED_MESSAGE }) message!: string;
}

export class SessionStateResponse implements SessionState {
  @ApiProperty({ type: CurrentUserResponse, nullable: true, description: 'Null when nobody is signed in' })
  user!: CurrentUserResponse | null;
}

export class OrganisationAddressResponse implements OrganisationAddress {
  @ApiProperty({ type: String, nullable: true }) streetAddress!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Town or city' }) locality!: string | null;
  @ApiProperty({ type: String, nullable: true }) postalCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) countryName!: string | null;
}

export class OrganisationDetailsResponse implements OrganisationDetails {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: OrganisationKind }) kind!: OrganisationKind;
  @ApiProperty({ type: String, nullable: true }) companyNumber!: string | null;
  @ApiProperty() isSme!: boolean;
  @ApiProperty() isVcse!: boolean;
  @ApiProperty({ type: OrganisationAddressResponse }) address!: OrganisationAddressResponse;
  @ApiProperty({ type: String, nullable: true }) contactPhone!: string | null;
  @ApiProperty({ description: 'Whether the signed-in person may change these details' }) editable!: boolean;
}

export class OrganisationMemberResponse implements OrganisationMember {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: Role }) role!: Role;
}

export class OrganisationMembersResponse implements OrganisationMembers {
  @ApiProperty({ type: [OrganisationMemberResponse] }) members!: OrganisationMemberResponse[];
}
