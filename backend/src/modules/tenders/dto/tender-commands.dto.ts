import { ApiProperty } from '@nestjs/swagger';
import {
  type ChangeTenderStatusRequest,
  type CreateTenderRequest,
  type PublishTenderRequest,
  type SaveTenderRequest,
  TEXT_LIMITS,
  TenderStatus,
} from '@openbrief/contracts';
import { IsInt, Min } from 'class-validator';
import { EnumField, Nested, OptionalText, RequiredText } from '../../../common/validation/fields';
import { TenderContentDto } from './tender-content.dto';

function Revision() {
  return (target: object, key: string) => {
    ApiProperty({ description: 'The revision your change is based on (from the last read)' })(target, key);
    IsInt({ message: 'revision must be a whole number: the revision you last read.' })(target, key);
    Min(1)(target, key);
  };
}

export class CreateTenderDto implements CreateTenderRequest {
  @RequiredText(TEXT_LIMITS.createTender.title, 'Working title', 'Reducing missed outpatient appointments') title!: string;
  @OptionalText(TEXT_LIMITS.createTender.templateId, 'Template to start from') templateId?: string;
}

export class SaveTenderDto implements SaveTenderRequest {
  @Revision() revision!: number;
  @Nested(() => TenderContentDto) content!: TenderContentDto;
}

export class PublishTenderDto implements PublishTenderRequest {
  @Revision() revision!: number;
  @OptionalText(TEXT_LIMITS.publish.changeNote, 'What changed and why (required for version 2 onwards)') changeNote?: string;
}

export class ChangeTenderStatusDto implements ChangeTenderStatusRequest {
  @Revision() revision!: number;
  @EnumField(TenderStatus, 'tender status') status!: TenderStatus;
  @OptionalText(TEXT_LIMITS.statusChange.reason) reason?: string;
}
