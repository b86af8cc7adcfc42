import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';
import { MeetingRecordDto } from '../common/meeting-record.dto.js';
import { VersionedDossierDto } from '../camp/camp.dto.js';
import { BULK_ROWS_PER_REQUEST } from '../common/bulk-rows.js';

export class AbsenteeDto {
  @IsString() @Length(1, 200) name!: string;
  @IsString() @Length(1, 500) reason!: string;
}

export class CandidateTallyDto {
  @IsUUID() dossierId!: string;
  @IsInt() @Min(1) version!: number;
  @IsInt() @Min(0) votesFor!: number;
  @IsInt() @Min(0) votesAgainst!: number;
  @IsInt() @Min(0) votesBlank!: number;
  // The supervising officer's opinion on this person (Nghị định 52/2019/NĐ-CP, Điều 7, khoản 2).
  @IsString() @Length(1, 2000) officerOpinion!: string;
}

export class TeamMeetingDto {
  @IsUUID() roundId!: string;
  @IsUUID() teamId!: string;
  @IsDateString({ strict: true }) meetingDate!: string;
  // Chair, secretary, place and hour as the minutes print them; the team's officer chairs when no chair is given.
  @IsOptional() @ValidateNested() @Type(() => MeetingRecordDto) record?: MeetingRecordDto;
  @IsInt() @Min(0) membersPresent!: number;
  @IsInt() @Min(0) membersAbsent!: number;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => AbsenteeDto) absentees?: AbsenteeDto[];
  @IsInt() @Min(0) ballotsIssued!: number;
  @IsInt() @Min(0) ballotsReturned!: number;
  @IsInt() @Min(0) ballotsValid!: number;
  @IsInt() @Min(0) ballotsInvalid!: number;
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => CandidateTallyDto)
  candidates!: CandidateTallyDto[];
}

// Applications put to the team's meeting together, each with the version the officer read.
export class BallotSubmissionDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_ROWS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => VersionedDossierDto)
  dossiers!: VersionedDossierDto[];
}
