import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CurrentUser as CurrentUserShape, OrganisationDetails, OrganisationMembers } from '@openbrief/contracts';
import { Allow } from '../../common/decorators/access.decorators';
import { CurrentUser } from '../../common/decorators/auth.decorators';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { AccountService } from './account.service';
import { UpdateOrganisationDto } from './dto/update-organisation.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { CurrentUserResponse, OrganisationDetailsResponse, OrganisationMembersResponse } from './dto/identity.responses';

@ApiTags('account')
@Controller()
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Allow('account.editProfile')
  @Put('account/profile')
  @ApiOperation({ summary: 'Change your own name' })
  @ApiOkResponse({ type: CurrentUserResponse })
  @ApiBadRequestResponse({ type: ApiErrorResponse })
  updateProfile(@CurrentUser() user: CurrentUserShape, @Body() dto: UpdateProfileDto): Promise<CurrentUserShape> {
    return this.account.updateProfile(user, dto);
  }

  @Allow('organisation.readTeam')
  @Get('organisation')
  @ApiOperation({ summary: "Your organisation's details, and whether you may change them" })
  @ApiOkResponse({ type: OrganisationDetailsResponse })
  organisation(@CurrentUser() user: CurrentUserShape): Promise<OrganisationDetails> {
    return this.account.organisation(user);
  }

  @Allow('organisation.edit')
  @Put('organisation')
  @ApiOperation({
    summary: "Change your organisation's details",
    description: 'Name, SME and VCSE status (reported in the open data), address and phone. The whole record is sent each time.',
  })
  @ApiOkResponse({ type: OrganisationDetailsResponse })
  @ApiBadRequestResponse({ type: ApiErrorResponse })
  @ApiForbiddenResponse({ type: ApiErrorResponse, description: 'Your role may not change the organisation' })
  updateOrganisation(@CurrentUser() user: CurrentUserShape, @Body() dto: UpdateOrganisationDto): Promise<OrganisationDetails> {
    return this.account.updateOrganisation(user, dto);
  }

  @Allow('organisation.readTeam')
  @Get('organisation/members')
  @ApiOperation({ summary: "Your organisation's members, with their roles and e-mail addresses" })
  @ApiOkResponse({ type: OrganisationMembersResponse })
  members(@CurrentUser() user: CurrentUserShape): Promise<OrganisationMembers> {
    return this.account.members(user);
  }
}
