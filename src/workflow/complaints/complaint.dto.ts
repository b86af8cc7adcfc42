import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsIsoCalendarDate } from '../../common/validators.js';
import { Complainant, ComplaintLevel } from '../core/complaints.js';

export class FileComplaintDto {
  @ApiProperty({ format: 'uuid', description: 'The dossier of the person left off the eligible list' })
  @IsUUID()
  dossierId!: string;
  @ApiProperty({ example: 3, description: 'The dossier version the officer read' })
  @IsInt()
  @Min(1)
  version!: number;
  @ApiProperty({ example: '2025-07-17', description: 'Day the facility received the complaint' })
  @IsIsoCalendarDate()
  receivedOn!: string;
  @ApiProperty({ enum: Complainant, description: 'Who filed it: the person, a relative or a representative' })
  @IsEnum(Complainant)
  complainant!: Complainant;
  @ApiProperty({ example: 'Nguyễn Văn A' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  complainantName!: string;
  @ApiProperty({ example: 'Tôi đủ điều kiện theo Điều 11 nhưng không có tên trong danh sách đề nghị đặc xá.' })
  @IsString()
  @MinLength(5)
  @MaxLength(5000)
  content!: string;
}

export class DecideComplaintDto {
  @ApiProperty({ description: 'true: the complaint is accepted and the name joins the eligible list' })
  @IsBoolean()
  accept!: boolean;
  @ApiProperty({ example: 'Đã đối chiếu hồ sơ: người khiếu nại đủ điều kiện theo Điều 11.' })
  @IsString()
  @MinLength(5)
  @MaxLength(5000)
  reason!: string;
  @ApiProperty({ example: '2025-07-19', description: 'Date of the decision' })
  @IsIsoCalendarDate()
  decidedOn!: string;
  @ApiProperty({ example: 1, description: 'The complaint version the decider read' })
  @IsInt()
  @Min(1)
  version!: number;
  @ApiProperty({ example: 4, description: 'The dossier version the decider read' })
  @IsInt()
  @Min(1)
  dossierVersion!: number;
}

export class ComplaintQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  roundId?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: undecided only; false: decided only' })
  @IsOptional()
  @IsIn(['true', 'false'])
  open?: string;
  @ApiPropertyOptional({ enum: ComplaintLevel })
  @IsOptional()
  @IsEnum(ComplaintLevel)
  level?: ComplaintLevel;
}
