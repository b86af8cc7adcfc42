import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import { IsIsoCalendarDate } from '../../common/validators.js';
import { CopyRecipient } from '../core/after-decision.js';

export class RecordPostingDto {
  @ApiProperty({ format: 'uuid', description: 'The recorded President’s decision posted at the caller’s camp' })
  @IsUUID()
  decisionId!: string;
  @ApiProperty({ example: '2025-09-01', description: 'Day the decision and its list were posted at the camp' })
  @IsIsoCalendarDate()
  postedOn!: string;
}

export class RoundQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  roundId?: string;
}

export class RecordCopyDto {
  @ApiProperty({ enum: CopyRecipient, description: 'Which body of Art 18(4) the copy went to' })
  @IsEnum(CopyRecipient)
  recipient!: CopyRecipient;
  @ApiProperty({ example: 'Tòa án nhân dân thành phố Hà Nội', description: 'The addressee’s name as written' })
  @IsString()
  @Length(3, 300)
  addressee!: string;
  @ApiProperty({ example: '2025-09-03', description: 'Day the copy was sent' })
  @IsIsoCalendarDate()
  sentOn!: string;
}

export class RecordPresentationDto {
  @ApiProperty({ example: '2025-09-05', description: 'Day the person presented the certificate' })
  @IsIsoCalendarDate()
  presentedOn!: string;
  @ApiPropertyOptional({
    example: 'Ủy ban nhân dân xã Tân Lập',
    description:
      'The commune or military unit presented to. Ignored when that unit records the presentation itself; ' +
      'optional for the issuing unit when the certificate names the unit.',
  })
  @IsOptional()
  @IsString()
  @Length(3, 300)
  presentedTo?: string;
  @ApiProperty({ description: 'The certificate’s version read' })
  @IsInt()
  @Min(1)
  version!: number;
  @ApiProperty({ description: 'The dossier’s version read' })
  @IsInt()
  @Min(1)
  dossierVersion!: number;
}
