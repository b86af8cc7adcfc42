import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsIsoCalendarDate } from '../../common/validators.js';

export class RecordProcuracyNoticeDto {
  @ApiProperty({ format: 'uuid', description: 'The camp’s posted eligible list the notice reports on' })
  @IsUUID()
  listId!: string;
  @ApiProperty({ example: '12/TB-TGTX', description: 'Number and symbol of the notice as sent' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  number!: string;
  @ApiProperty({ example: '2025-07-16', description: 'Day the notice was sent to the procuracy' })
  @IsIsoCalendarDate()
  notifiedOn!: string;
}

export class ProcuracyNoticeQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  roundId?: string;
}
