import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { AgencyOpinion, FlagKind } from '../core/appraisal.js';

export class FlagDto {
  // Path of the dossier field the finding is about, as in the exchange format, e.g. 'judgments[0].sentence'.
  @IsString()
  @Length(1, 200)
  @Matches(/^[A-Za-z][A-Za-z0-9_.[\]]*$/, { message: 'Đường dẫn trường không hợp lệ.' })
  field!: string;
  @IsEnum(FlagKind) kind!: FlagKind;
  @IsString() @Length(5, 2000) message!: string;
}

export class OpinionDto {
  @IsEnum(AgencyOpinion) opinion!: AgencyOpinion;
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
  // Absent for a first opinion; the version read when replacing one.
  @IsOptional() @IsInt() @Min(1) version?: number;
}

export class ResolveFlagDto {
  @IsBoolean() accept!: boolean;
  @IsOptional() @IsString() @Length(1, 2000) reason?: string;
  @IsInt() @Min(1) version!: number;
  // Accepting sends the dossier back to the camp, so the dossier version read is needed too.
  @IsOptional() @IsInt() @Min(1) dossierVersion?: number;
}

export class ExplanatoryReportDto {
  @IsUUID() roundId!: string;
}

export class AppraisalRecordDto {
  @IsUUID() roundId!: string;
}

export class AppraisalRecordQueryDto {
  @IsOptional() @IsUUID() roundId?: string;
}
