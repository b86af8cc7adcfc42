import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorView {
  @ApiProperty({ description: 'Path into the request body', example: 'candidates[0].votesFor' })
  path!: string;
  @ApiProperty({ description: 'The failed constraint', example: 'isInt' })
  code!: string;
  @ApiProperty({ example: 'Trường "candidates[0].votesFor" phải là số nguyên.' })
  message!: string;
}

// The one error body every endpoint answers with (see HttpExceptionFilter).
export class ErrorResponse {
  @ApiProperty({ example: 400 })
  statusCode!: number;
  @ApiProperty({ description: 'Stable code for programs; the codes of each status are listed in its response.' })
  code!: string;
  @ApiProperty({ description: 'Vietnamese sentence for people', example: 'Dữ liệu không hợp lệ.' })
  message!: string;
  @ApiPropertyOptional({ type: [FieldErrorView], description: 'Present on VALIDATION_FAILED: one entry per field' })
  errors?: FieldErrorView[];
  @ApiPropertyOptional({ description: 'Present on INTERNAL_ERROR: quote it to the administrator' })
  requestId?: string;
}
