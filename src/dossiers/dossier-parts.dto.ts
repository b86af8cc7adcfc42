import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { EvidenceCode, IssuerLevel } from './dossier-format.js';
import { IsIsoCalendarDate } from '../common/validators.js';

export class AddressDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) detail?: string;
  @ApiProperty({ example: 'Phường Thanh Xuân' }) @IsString() @IsNotEmpty() @MaxLength(200) commune!: string;
  @ApiProperty({ example: 'Hà Nội' }) @IsString() @IsNotEmpty() @MaxLength(200) province!: string;
}

export class EvidenceDocumentDto {
  @ApiProperty({ example: 'Kết luận giám định y khoa', description: 'The title as written on the document' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  kind!: string;
  @ApiPropertyOptional({ enum: EvidenceCode }) @IsOptional() @IsEnum(EvidenceCode) code?: EvidenceCode;
  @ApiPropertyOptional({ enum: EvidenceCode, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsEnum(EvidenceCode, { each: true })
  alsoServesAs?: EvidenceCode[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) number?: string;
  @ApiPropertyOptional() @IsOptional() @IsIsoCalendarDate() date?: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) issuer!: string;
  @ApiProperty({ enum: IssuerLevel }) @IsEnum(IssuerLevel) issuerLevel!: IssuerLevel;
  @ApiProperty() @IsBoolean() readable!: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class DurationDto {
  @ApiProperty() @IsInt() @Min(0) @Max(100) years!: number;
  @ApiProperty() @IsInt() @Min(0) @Max(11) months!: number;
  @ApiProperty() @IsInt() @Min(0) @Max(30) days!: number;
}

export class CommutationDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) decisionNumber!: string;
  @ApiProperty() @IsIsoCalendarDate() date!: string;
  @ApiProperty({ type: DurationDto }) @ValidateNested() @Type(() => DurationDto) term!: DurationDto;
}

// FIXED carries years/months/days; LIFE may carry the commutation to a fixed term.
export class SentenceDto {
  @ApiProperty({ enum: ['FIXED', 'LIFE'] }) @IsIn(['FIXED', 'LIFE']) kind!: 'FIXED' | 'LIFE';
  @ApiPropertyOptional() @ValidateIf((s: SentenceDto) => s.kind === 'FIXED') @IsInt() @Min(0) @Max(100) years?: number;
  @ApiPropertyOptional() @ValidateIf((s: SentenceDto) => s.kind === 'FIXED') @IsInt() @Min(0) @Max(11) months?: number;
  @ApiPropertyOptional() @ValidateIf((s: SentenceDto) => s.kind === 'FIXED') @IsInt() @Min(0) @Max(30) days?: number;
  @ApiPropertyOptional({ type: CommutationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CommutationDto)
  commutation?: CommutationDto;
}
