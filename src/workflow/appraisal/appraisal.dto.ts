import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
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

// One agency's opinion on one dossier of a list given at once.
export class ListOpinionDto extends OpinionDto {
  @IsUUID() dossierId!: string;
}

// How many opinions one request may carry: the appraisal team's list of a round is a few thousand names.
export const OPINIONS_PER_REQUEST = 5_000;

// The agency's opinions on a whole list in one command ("agree with all except …"): each name with its opinion, a
// written reason for each that is not agreement, and the opinion's version read when it replaces an earlier one.
export class ListOpinionsDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(OPINIONS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => ListOpinionDto)
  opinions!: ListOpinionDto[];
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
