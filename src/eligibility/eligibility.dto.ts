import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { IsIsoCalendarDate } from '../common/validators.js';
import { EvaluateDossierDto } from '../dossiers/dossier.dto.js';

// The round is named one way: a stored round by code or id, a preset by its code, or parameters inline.
export class EvaluateRequestDto {
  @ApiPropertyOptional({ example: 'QD-1244-2025', description: 'A stored round by its code' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  roundCode?: string;
  @ApiPropertyOptional({ description: 'A stored round by its id' }) @IsOptional() @IsUUID() roundId?: string;
  @ApiPropertyOptional({ example: 'QD-1244-2025', description: 'A preset from GET /api/rounds/presets' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  presetCode?: string;
  @ApiPropertyOptional({ description: 'Round parameters inline (RoundParameters), e.g. a preset adjusted' })
  @IsOptional()
  @IsObject()
  round?: Record<string, unknown>;
  @ApiPropertyOptional({
    description: "The camp council's meeting date (Decree 52/2019 Art 5(3)(c)); overrides the dossier's own",
  })
  @IsOptional()
  @IsIsoCalendarDate()
  councilMeetingDate?: string;
  @ApiProperty({ type: EvaluateDossierDto })
  @ValidateNested()
  @Type(() => EvaluateDossierDto)
  dossier!: EvaluateDossierDto;
}
