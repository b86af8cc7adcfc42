import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { SORT_KEY_NAMES } from './dossier-list.repository.js';

export class DossierQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() roundId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) roundCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() facilityId?: string;
  @ApiPropertyOptional({ description: 'A sub-camp (phân trại): its teams' }) @IsOptional() @IsUUID() subCampId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) stage?: string;
  @ApiPropertyOptional({ enum: ['ELIGIBLE', 'INELIGIBLE', 'NEEDS_REVIEW', 'NONE'] })
  @IsOptional()
  @IsIn(['ELIGIBLE', 'INELIGIBLE', 'NEEDS_REVIEW', 'NONE'])
  verdict?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) category?: string;
  @ApiPropertyOptional({
    enum: ['yes', 'no'],
    description: 'yes: the latest verdict rests on round values not yet checked against the source (confidence K or ?)',
  })
  @IsOptional()
  @IsIn(['yes', 'no'])
  unverified?: 'yes' | 'no';
  @ApiPropertyOptional({ description: 'Name or inmate number' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: SORT_KEY_NAMES }) @IsOptional() @IsIn(SORT_KEY_NAMES) sort?: string;
  @ApiPropertyOptional({ enum: ['asc', 'desc'] }) @IsOptional() @IsIn(['asc', 'desc']) dir?: 'asc' | 'desc';
  @ApiPropertyOptional({ description: 'Cursor of the next page (from the previous answer)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/)
  after?: string;
  @ApiPropertyOptional({ description: 'Cursor of the previous page (from the previous answer)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/)
  before?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
}
