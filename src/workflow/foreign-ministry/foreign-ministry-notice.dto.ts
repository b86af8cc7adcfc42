import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsIsoCalendarDate } from '../../common/validators.js';

export class RecordForeignMinistryNoticeDto {
  @ApiProperty({ format: 'uuid', description: 'The list of the President’s decision whose foreigners are notified' })
  @IsUUID()
  listId!: string;
  @ApiProperty({ example: '215/HĐTVĐX-TT', description: 'Number and symbol of the notice as sent' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  number!: string;
  @ApiProperty({ example: '2025-09-02', description: 'Day the notice was sent to the Ministry of Foreign Affairs' })
  @IsIsoCalendarDate()
  notifiedOn!: string;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'The foreign persons of the list the notice covers (their dossier ids)',
  })
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true })
  dossierIds!: string[];
}

export class ForeignMinistryNoticeQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  roundId?: string;
}
