import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class DossierQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) roundCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() facilityId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) stage?: string;
  @ApiPropertyOptional({ enum: ['ELIGIBLE', 'INELIGIBLE', 'NEEDS_REVIEW', 'NONE'] })
  @IsOptional()
  @IsIn(['ELIGIBLE', 'INELIGIBLE', 'NEEDS_REVIEW', 'NONE'])
  verdict?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) category?: string;
  @ApiPropertyOptional({ description: 'Name or inmate number' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
}
