import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { DossierDto } from '../dossiers/dossier.dto.js';

export class EvaluateRequestDto {
  @ApiPropertyOptional({ example: 'QD-1244-2025', description: 'A stored round; or give `round` inline' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  roundCode?: string;
  @ApiPropertyOptional({
    description: 'Round parameters inline (RoundParameters), e.g. a preset from GET /api/rounds/presets',
  })
  @IsOptional()
  @IsObject()
  round?: Record<string, unknown>;
  @ApiProperty({ type: DossierDto }) @ValidateNested() @Type(() => DossierDto) dossier!: DossierDto;
}
