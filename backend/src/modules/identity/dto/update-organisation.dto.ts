import { ApiProperty } from '@nestjs/swagger';
import {
  COMPANY_NUMBER_PATTERN,
  CONTACT_PHONE_PATTERN,
  ORGANISATION_LIMITS as LIMITS,
  type OrganisationAddress,
  type UpdateOrganisationRequest,
} from '@openbrief/contracts';
import { IsBoolean, Matches, ValidateIf } from 'class-validator';
import { Nested, NullableText, RequiredText } from '../../../common/validation/fields';

/** An empty part is as good as none: the service stores it as null. */
const given = (_: unknown, value: unknown) => value !== null && value !== '';

export class OrganisationAddressDto implements OrganisationAddress {
  @NullableText(LIMITS.streetAddress, 'Building and street') streetAddress!: string | null;
  @NullableText(LIMITS.locality, 'Town or city') locality!: string | null;
  @NullableText(LIMITS.postalCode, 'Postcode') postalCode!: string | null;
  @NullableText(LIMITS.countryName, 'Country, like United Kingdom') countryName!: string | null;
}

export class UpdateOrganisationDto implements UpdateOrganisationRequest {
  @RequiredText(LIMITS.name, 'The registered name of the business, charity or public body', 'Brightpath Digital Ltd')
  name!: string;

  @NullableText(LIMITS.companyNumber, 'Companies House or charity number')
  @ValidateIf(given)
  @Matches(COMPANY_NUMBER_PATTERN, { message: 'companyNumber must be letters and digits only, like 01234567.' })
  companyNumber!: string | null;

  @ApiProperty({ description: 'Fewer than 250 staff and turnover up to £44m' })
  @IsBoolean({ message: 'isSme must be true or false.' })
  isSme!: boolean;

  @ApiProperty({ description: 'A voluntary, community or social enterprise' })
  @IsBoolean({ message: 'isVcse must be true or false.' })
  isVcse!: boolean;

  @Nested(() => OrganisationAddressDto)
  address!: OrganisationAddressDto;

  @NullableText(LIMITS.contactPhone, 'A phone number buyers can call')
  @ValidateIf(given)
  @Matches(CONTACT_PHONE_PATTERN, { message: 'contactPhone must be a phone number, like 020 7946 0000.' })
  contactPhone!: string | null;
}
