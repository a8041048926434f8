import { ApiProperty } from '@nestjs/swagger';
import { type CreateInvitationRequest, type InvitableRole, Role } from '@openbrief/contracts';
import { IsIn } from 'class-validator';
import { EmailField } from '../../../common/validation/fields';

export class CreateInvitationDto implements CreateInvitationRequest {
  @EmailField()
  email!: string;

  @ApiProperty({
    enum: [Role.Buyer, Role.Evaluator, Role.Supplier],
    description: 'A buying organisation invites buyers and evaluators; a supplier invites suppliers',
  })
  @IsIn([Role.Buyer, Role.Evaluator, Role.Supplier], {
    message: 'role must be buyer or evaluator (into a buying organisation) or supplier (into a supplier).',
  })
  role!: InvitableRole;
}
