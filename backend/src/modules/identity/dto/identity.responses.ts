import { ApiProperty } from '@nestjs/swagger';
import {
  type CurrentUser,
  type InvitableRole,
  type InvitationCreated,
  type InvitationPreview,
  type OrganisationSummary,
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
  @ApiProperty({ enum: [Role.Buyer, Role.Evaluator] }) role!: InvitableRole;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ description: 'Open once to accept; shown only in this response' }) acceptPath!: string;
}

export class InvitationPreviewResponse implements InvitationPreview {
  @ApiProperty() email!: string;
  @ApiProperty({ enum: [Role.Buyer, Role.Evaluator] }) role!: InvitableRole;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class SignUpAcceptedResponse implements SignUpAccepted {
  @ApiProperty({ example: SIGN_UP_ACCEPTED_MESSAGE }) message!: string;
}
