import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiError, ApiErrorDetail } from '@openbrief/contracts';

export class ApiErrorDetailResponse implements ApiErrorDetail {
  @ApiPropertyOptional() field?: string;
  @ApiProperty() message!: string;
}

/** The one error shape every endpoint answers with. */
export class ApiErrorResponse implements ApiError {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: 'Please check email: email must be an e-mail address, like name@example.org.' }) message!: string;
  @ApiPropertyOptional({ type: [ApiErrorDetailResponse] }) details?: ApiErrorDetailResponse[];
}
