import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Length,
} from 'class-validator';

// At most as many names as GET /api/lists/pending shows on one page.
export const MAX_CHOSEN_DOSSIERS = 1000;

export class ForwardDto {
  @ApiProperty({
    minLength: 32,
    maxLength: 32,
    description: 'The token returned by GET /api/lists/pending: what the caller saw and approves (409 when it changed)',
  })
  @IsString()
  @Length(32, 32)
  token!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The round whose pending names are consolidated' })
  @IsOptional()
  @IsUUID()
  roundId?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: MAX_CHOSEN_DOSSIERS,
    uniqueItems: true,
    description:
      'Only at the department and ministry hops: the pending dossiers chosen to go up; the others stay pending. ' +
      'Absent: every pending name is forwarded. Each id must be pending at the caller’s hop (400 naming the ids).',
  })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_CHOSEN_DOSSIERS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  dossierIds?: string[];
}
