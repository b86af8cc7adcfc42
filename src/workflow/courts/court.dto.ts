import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoCalendarDate } from '../../common/validators.js';
import { ReasonCode } from '../core/reason-codes.js';

export enum CommentIssuerKind {
  COMMUNE = 'COMMUNE',
  MILITARY_UNIT = 'MILITARY_UNIT',
}

export const COMMENT_ISSUER_LABELS: Record<CommentIssuerKind, string> = {
  [CommentIssuerKind.COMMUNE]: 'Ủy ban nhân dân cấp xã',
  [CommentIssuerKind.MILITARY_UNIT]: 'Đơn vị quân đội được giao quản lý',
};

export class ConductCommentDto {
  @ApiProperty({ example: 'UBND xã Tân Phú' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  issuer!: string;
  @ApiProperty({ enum: CommentIssuerKind, description: 'The commune People’s Committee or the military unit' })
  @IsEnum(CommentIssuerKind)
  issuerKind!: CommentIssuerKind;
  @ApiPropertyOptional({ example: '45/UBND' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  number?: string;
  @ApiProperty({ example: '2025-07-10' })
  @IsIsoCalendarDate()
  date!: string;
  @ApiProperty({ example: 'Chấp hành nghiêm chỉnh pháp luật, quy định của địa phương trong thời gian tạm đình chỉ.' })
  @IsString()
  @MinLength(5)
  @MaxLength(5000)
  text!: string;
  @ApiProperty({ description: 'Whether the comment says the person complied strictly with the law' })
  @IsBoolean()
  lawfulConduct!: boolean;
}

export class CourtProposalDto {
  @ApiProperty({ format: 'uuid', description: 'The dossier of the person on suspension' })
  @IsUUID()
  dossierId!: string;
  @ApiProperty({ example: 2, description: 'The dossier version the officer read' })
  @IsInt()
  @Min(1)
  version!: number;
  @ApiProperty({ example: '12/VB-TA', description: 'Number and symbol of the court’s proposal' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  proposalNumber!: string;
  @ApiProperty({ example: '2025-07-12' })
  @IsIsoCalendarDate()
  proposedOn!: string;
  @ApiProperty({ example: 'Đề nghị xét đặc xá: đã chấp hành án đủ thời gian, cải tạo tốt trước khi tạm đình chỉ.' })
  @IsString()
  @MinLength(5)
  @MaxLength(5000)
  proposal!: string;
  @ApiProperty({ type: ConductCommentDto })
  @ValidateNested()
  @Type(() => ConductCommentDto)
  conductComment!: ConductCommentDto;
}

export class CourtDossierDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() dossierId!: string;
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) version!: number;
}

export class CourtListDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() roundId!: string;
  @ApiProperty({
    example: '2025-07-15',
    description: 'Day the court posted the list (Luật Đặc xá 2018, Điều 15, khoản 4)',
  })
  @IsIsoCalendarDate()
  postedOn!: string;
  @ApiProperty({ type: [CourtDossierDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => CourtDossierDto)
  dossiers!: CourtDossierDto[];
}

export class CourtRejectionDto {
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ enum: ReasonCode }) @IsEnum(ReasonCode) reasonCode!: ReasonCode;
  @ApiPropertyOptional({ example: 'Chưa chấp hành đủ thời gian theo Điều 11 khoản 1 điểm b.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class CourtQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() roundId?: string;
}
