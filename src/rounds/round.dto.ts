import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { RoundStatus } from './round.entity.js';

export class CreateRoundDto {
  @ApiProperty({ example: 'QD-1244-2025' }) @Matches(/^[A-Z0-9][A-Z0-9-]{1,49}$/) code!: string;
  @ApiPropertyOptional({
    description: 'Start from a preset (GET /api/rounds/presets); `parameters` then overrides nothing',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  presetCode?: string;
  @ApiPropertyOptional({ description: 'Every threshold with its source and confidence (RoundParameters)' })
  @IsOptional()
  @IsObject()
  parameters?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'Stage dates and other deadlines of the round, ISO dates' })
  @IsOptional()
  @IsObject()
  deadlines?: Record<string, string>;
}

export class UpdateRoundDto {
  @ApiProperty() @IsInt() @Min(1) @Max(1_000_000) expectedVersion!: number;
  @ApiPropertyOptional() @IsOptional() @IsObject() parameters?: Record<string, unknown>;
  @ApiPropertyOptional() @IsOptional() @IsObject() deadlines?: Record<string, string>;
  @ApiPropertyOptional({ enum: RoundStatus }) @IsOptional() @IsEnum(RoundStatus) status?: RoundStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) name?: string;
}
