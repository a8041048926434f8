import type { UpdateProfileRequest } from '@openbrief/contracts';
import { RequiredText } from '../../../common/validation/fields';

export class UpdateProfileDto implements UpdateProfileRequest {
  @RequiredText(200, 'Your full name, as colleagues and buyers see it', 'Sam Okafor')
  name!: string;
}
