import { ApiProperty } from '@nestjs/swagger';
import { type CreateInvitationRequest, type InvitableRole, Role } from '@openbrief/contracts';
import { IsIn } from 'class-validator';
import { EmailField } from '../../../common/validation/fields';

export class CreateInvitationDto implements CreateInvitationRequest {
  @EmailField()
  email!: string;

  @ApiProperty({ enum: [Role.Buyer, Role.Evaluator] })
  @IsIn([Role.Buyer, Role.Evaluator], { message: 'role must be buyer or evaluator.' })
  role!: InvitableRole;
}
