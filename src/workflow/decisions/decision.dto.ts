import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
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
import { ReasonCode } from '../core/reason-codes.js';
import { BULK_ROWS_PER_REQUEST } from '../common/bulk-rows.js';

export class CouncilIneligibleDto {
  @IsUUID() dossierId!: string;
  @IsEnum(ReasonCode) reasonCode!: ReasonCode;
  @IsOptional() @IsString() @Length(1, 2000) reason?: string;
}

export class CouncilListsDto {
  @IsUUID() roundId!: string;
  @IsString() @Length(32, 32) token!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => CouncilIneligibleDto) ineligible!: CouncilIneligibleDto[];
}

export class NotGrantedDto {
  @IsUUID() dossierId!: string;
  @IsString() @Length(5, 2000) reason!: string;
}

export class PresidentDecisionDto {
  @IsUUID() councilListId!: string;
  @IsString() @Length(1, 100) number!: string;
  @IsDateString({ strict: true }) decisionDate!: string;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => NotGrantedDto) notGranted?: NotGrantedDto[];
}

export class ReleaseDto {
  @IsDateString({ strict: true }) releasedOn!: string;
  // The commune's People's Committee or military unit the person must present the certificate to (Luật Đặc xá 2018,
  // Điều 20, khoản 2, điểm a), when it has an account: its officer then records the presentation. Left out otherwise,
  // and the issuing camp or court records it.
  @IsOptional() @IsUUID() presentationUnitId?: string;
  @IsInt() @Min(1) version!: number;
  @IsInt() @Min(1) dossierVersion!: number;
}

export class ReleaseItemDto {
  @IsUUID() dossierId!: string;
  // The dossier's version the caller read; a dossier changed since answers 409.
  @IsInt() @Min(1) version!: number;
  // As for one release: the commune or military unit the person presents the certificate to, when it has an account.
  @IsOptional() @IsUUID() presentationUnitId?: string;
}

// The release of every person granted of the camp on one day (Luật Đặc xá 2018, Điều 18, khoản 3).
export class ReleasesDto {
  @IsDateString({ strict: true }) releasedOn!: string;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_ROWS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => ReleaseItemDto)
  releases!: ReleaseItemDto[];
}
