import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CurrentUser as CurrentUserShape, Role, type TenderListItem } from '@openbrief/contracts';
import { CurrentUser, Roles } from '../../common/decorators/auth.decorators';
import { TenderListItemResponse } from './dto/tender.responses';
import { TenderService } from './tender.service';

@ApiTags('tenders')
@Controller('tenders')
export class TenderController {
  constructor(private readonly tenders: TenderService) {}

  @Roles(Role.Buyer, Role.Admin)
  @Get()
  @ApiOperation({ summary: "Your organisation's tenders, newest change first" })
  @ApiOkResponse({ type: [TenderListItemResponse] })
  list(@CurrentUser() user: CurrentUserShape): Promise<TenderListItem[]> {
    return this.tenders.listForOrganisation(user);
  }
}
