import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class ParameterChangeDto {
  @ApiProperty({ example: 'time.general.fraction.value', description: 'Path of a value the base parameters have' })
  @IsString()
  @MaxLength(200)
  path!: string;
  @ApiProperty({
    example: { numerator: 1, denominator: 2 },
    description: 'The draft value (any JSON: a number, a fraction, a duration, a list…)',
    anyOf: [
      { type: 'object', additionalProperties: true },
      { type: 'array', items: {} },
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
    ],
  })
  @IsDefined()
  value!: unknown;
}

export class CreateSimulationDto {
  @ApiProperty({ example: 'Dự thảo 1: nâng tỷ lệ chung lên 1/2' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
  @ApiProperty({ example: 'QD-1244-2025', description: 'The round whose dossiers are evaluated' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,49}$/)
  roundCode!: string;
  @ApiPropertyOptional({ description: 'Start from a preset instead of the round’s own parameters' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  basePresetCode?: string;
  @ApiProperty({ type: [ParameterChangeDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ParameterChangeDto)
  changes!: ParameterChangeDto[];
}

export class VersionedCommandDto {
  @ApiProperty() @IsInt() @Min(1) @Max(1_000_000) expectedVersion!: number;
}

export class ChangesQueryDto {
  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset?: number;
}

export class CompareQueryDto {
  @ApiProperty() @IsUUID() a!: string;
  @ApiProperty() @IsUUID() b!: string;
}

export class ListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() roundId?: string;
}
