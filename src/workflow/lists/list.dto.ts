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

// Described in the API from these validators (src/openapi/validator-schema.ts), so the description is the validation.
export class ForwardDto {
  // The token returned by GET /api/lists/pending: what the caller saw and approves (409 when it changed).
  @IsString()
  @Length(32, 32)
  token!: string;

  // The round whose pending names are consolidated.
  @IsOptional()
  @IsUUID()
  roundId?: string;

  // Only at the department and ministry hops: the pending dossiers chosen to go up; the others stay pending. Absent:
  // every pending name goes. Each id must be pending at the caller's hop (400 naming the ids).
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_CHOSEN_DOSSIERS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  dossierIds?: string[];
}
