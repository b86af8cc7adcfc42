import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';
import { MeetingRecordDto } from '../common/meeting-record.dto.js';
import { IsIsoCalendarDate } from '../../common/validators.js';
import { ReasonCode } from '../core/reason-codes.js';

export class CouncilDecisionDto {
  @IsUUID() dossierId!: string;
  @IsInt() @Min(1) version!: number;
  @IsBoolean() eligible!: boolean;
  @IsOptional() @IsEnum(ReasonCode) reasonCode?: ReasonCode;
  @IsOptional() @IsString() @Length(1, 2000) reason?: string;
}

export class CouncilDecisionsDto {
  // The day the council met; the day of recording when not given (Decree 52/2019 Art 5(3)(c) dates medical papers
  // against it, and every later screening of the facility's dossiers uses it).
  @IsOptional() @IsIsoCalendarDate() meetingDate?: string;
  // The meeting's own facts for its minutes: hour, place, chair, secretary, members and guests present.
  @IsOptional() @ValidateNested() @Type(() => MeetingRecordDto) record?: MeetingRecordDto;
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => CouncilDecisionDto)
  decisions!: CouncilDecisionDto[];
}

export class VersionedDossierDto {
  @IsUUID() dossierId!: string;
  @IsInt() @Min(1) version!: number;
}

export class CampListDto {
  @IsUUID() roundId!: string;
  @IsDateString({ strict: true }) postedOn!: string;
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => VersionedDossierDto)
  dossiers!: VersionedDossierDto[];
}
