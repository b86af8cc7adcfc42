import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ConductRating,
  CreditorKind,
  CriminalCode,
  EnforcementDecisionKind,
  InmateStatus,
  IntervalKind,
  ObligationKind,
  ObligationStatus,
  OffenceGrade,
  ProtestKind,
  Sex,
  SpecialCategory,
  type CircumstanceDetails,
} from './dossier-format.js';
import { HasNoNestedProblems, IsBirthDate, IsIsoCalendarDate } from '../common/validators.js';
import { circumstanceDetailProblems } from './circumstance-details.js';
import { AddressDto, DurationDto, EvidenceDocumentDto, SentenceDto } from './dossier-parts.dto.js';

// Validation of the exchange format (docs/dossier-format.md). Money is whole VND; the largest amount accepted is
// far above any real judgment but below 2^53 so it survives JSON exactly.
const MAX_VND = 1_000_000_000_000_000;

export class OffenceDto {
  @ApiPropertyOptional({ enum: CriminalCode }) @IsOptional() @IsEnum(CriminalCode) criminalCode?: CriminalCode;
  @ApiProperty() @IsInt() @Min(1) @Max(500) article!: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(10) clause?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(3) point?: string;
  @ApiProperty() @IsInt() @Min(1) @Max(30) chapter!: number;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsIsoCalendarDate() offenceDate?: string;
  @ApiProperty() @IsBoolean() intentional!: boolean;
  @ApiProperty() @IsBoolean() drug!: boolean;
  @ApiProperty() @IsBoolean() corruption!: boolean;
  @ApiProperty() @IsBoolean() nationalSecurity!: boolean;
  @ApiPropertyOptional({ enum: OffenceGrade }) @IsOptional() @IsEnum(OffenceGrade) grade?: OffenceGrade;
  @ApiProperty({ type: [String] }) @IsArray() @IsString({ each: true }) @ArrayMaxSize(20) aggravations!: string[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10000) victims?: number;
  @ApiProperty({ type: SentenceDto }) @ValidateNested() @Type(() => SentenceDto) sentence!: SentenceDto;
}

export class JudgmentDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) number!: string;
  @ApiProperty() @IsIsoCalendarDate() date!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) court!: string;
  @ApiPropertyOptional() @IsOptional() @IsIsoCalendarDate() finalDate?: string;
  @ApiProperty({ type: [OffenceDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => OffenceDto)
  offences!: OffenceDto[];
  @ApiProperty({ type: SentenceDto }) @ValidateNested() @Type(() => SentenceDto) sentence!: SentenceDto;
}

export class IntervalDto {
  @ApiProperty({ enum: IntervalKind }) @IsEnum(IntervalKind) kind!: IntervalKind;
  @ApiProperty() @IsIsoCalendarDate() from!: string;
  @ApiPropertyOptional() @IsOptional() @IsIsoCalendarDate() to?: string;
}

export class ReductionDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) decisionNumber!: string;
  @ApiProperty() @IsIsoCalendarDate() date!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) issuer!: string;
  @ApiProperty({ type: DurationDto }) @ValidateNested() @Type(() => DurationDto) term!: DurationDto;
}

export class QuarterRatingDto {
  @ApiProperty({ example: '2025-Q2' }) @Matches(/^\d{4}-Q[1-4]$/) period!: string;
  @ApiProperty({ enum: ConductRating }) @IsEnum(ConductRating) rating!: ConductRating;
}

export class PostQuarterEvaluationDto {
  @ApiProperty() @IsIsoCalendarDate() from!: string;
  @ApiProperty() @IsIsoCalendarDate() to!: string;
  @ApiProperty({ enum: ConductRating }) @IsEnum(ConductRating) rating!: ConductRating;
}

export class DisciplineRecordDto {
  @ApiProperty() @IsIsoCalendarDate() date!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) kind!: string;
  @ApiProperty() @IsString() @MaxLength(2000) description!: string;
}

export class PriorConvictionDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) judgmentNumber!: string;
  @ApiProperty() @IsIsoCalendarDate() date!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) court!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) offence!: string;
  @ApiProperty() @IsBoolean() expunged!: boolean;
  @ApiPropertyOptional({ type: EvidenceDocumentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EvidenceDocumentDto)
  proof?: EvidenceDocumentDto;
}

export class EnforcementDecisionDto {
  @ApiProperty({ enum: EnforcementDecisionKind }) @IsEnum(EnforcementDecisionKind) kind!: EnforcementDecisionKind;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) number?: string;
  @ApiProperty() @IsIsoCalendarDate() date!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) issuer!: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() certified?: boolean;
}

export class ObligationDto {
  @ApiProperty({ enum: ObligationKind }) @IsEnum(ObligationKind) kind!: ObligationKind;
  @ApiProperty({ enum: CreditorKind }) @IsEnum(CreditorKind) creditor!: CreditorKind;
  @ApiProperty({ description: 'VND, whole number' }) @IsInt() @Min(0) @Max(MAX_VND) amountDue!: number;
  @ApiProperty({ description: 'VND, whole number' }) @IsInt() @Min(0) @Max(MAX_VND) amountPaid!: number;
  @ApiProperty({ enum: ObligationStatus }) @IsEnum(ObligationStatus) status!: ObligationStatus;
  @ApiProperty({ type: [EnforcementDecisionDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EnforcementDecisionDto)
  decisions!: EnforcementDecisionDto[];
}

export class SpecialCircumstanceDto {
  @ApiProperty({ enum: SpecialCategory }) @IsEnum(SpecialCategory) category!: SpecialCategory;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Closed keys per category: see docs/dossier-format.md (src/dossiers/circumstance-details.ts)',
  })
  @IsObject()
  @HasNoNestedProblems((value, owner) => circumstanceDetailProblems((owner as SpecialCircumstanceDto).category, value))
  details!: CircumstanceDetails;
  @ApiProperty({ type: [EvidenceDocumentDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => EvidenceDocumentDto)
  evidence!: EvidenceDocumentDto[];
}

export class ApplicationDto {
  @ApiProperty() @IsIsoCalendarDate() date!: string;
  @ApiProperty() @IsBoolean() signed!: boolean;
  @ApiProperty() @IsBoolean() fingerprinted!: boolean;
  @ApiPropertyOptional({ description: "The day the camp posted the President's decision (Law 30/2018 Art 15(1))" })
  @IsOptional()
  @IsIsoCalendarDate()
  decisionPostedOn?: string;
}

export class CommitmentDto {
  @ApiProperty() @IsIsoCalendarDate() date!: string;
  @ApiProperty() @IsBoolean() signed!: boolean;
}

export class EarlierAmnestyDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) decisionNumber!: string;
  @ApiProperty() @IsIsoCalendarDate() date!: string;
}

export class PendingProtestDto {
  @ApiProperty({ enum: ProtestKind }) @IsEnum(ProtestKind) kind!: ProtestKind;
  @ApiProperty() @IsBoolean() aggravating!: boolean;
  @ApiProperty() @IsIsoCalendarDate() date!: string;
}

export class PersonDto {
  @ApiProperty({ example: 'Nguyễn Văn An' }) @IsString() @IsNotEmpty() @MaxLength(200) fullName!: string;
  @ApiProperty({ type: [String] }) @IsArray() @IsString({ each: true }) @ArrayMaxSize(20) aliases!: string[];
  @ApiProperty({ example: '1985-03-14' }) @IsBirthDate() birthDate!: string;
  @ApiProperty({ enum: Sex }) @IsEnum(Sex) sex!: Sex;
  @ApiProperty({ example: 'Kinh' }) @IsString() @IsNotEmpty() @MaxLength(100) ethnicity!: string;
  @ApiProperty({ example: 'Việt Nam' }) @IsString() @IsNotEmpty() @MaxLength(100) nationality!: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9A-Z]{6,20}$/) idNumber?: string;
  @ApiProperty({ type: AddressDto }) @ValidateNested() @Type(() => AddressDto) registeredResidence!: AddressDto;
  @ApiProperty({ type: AddressDto }) @ValidateNested() @Type(() => AddressDto) residenceAfterRelease!: AddressDto;
}

// Whatever reaches validation (a crafted body may be an array or a plain object, not a DossierDto): only an evaluation
// request may leave the camp-side identifiers out.
function campIdentifiersRequired(o: unknown): boolean {
  return !(o instanceof DossierDto) || o.requiresCampIdentifiers();
}

export class DossierDto {
  @ApiProperty({ example: 1 }) @Equals(1) formatVersion!: 1;
  @ApiProperty({ example: 'QD-1244-2025' })
  @ValidateIf((o: DossierDto) => campIdentifiersRequired(o) || o.roundCode !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  roundCode!: string;
  @ApiProperty({ example: 'TG-THANH-XUAN' })
  @ValidateIf((o: DossierDto) => campIdentifiersRequired(o) || o.facilityCode !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  facilityCode!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) teamCode?: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(50) inmateNumber!: string;
  @ApiProperty({ enum: InmateStatus }) @IsEnum(InmateStatus) status!: InmateStatus;
  @ApiProperty({ type: PersonDto }) @ValidateNested() @Type(() => PersonDto) person!: PersonDto;
  @ApiProperty({ type: [JudgmentDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => JudgmentDto)
  judgments!: JudgmentDto[];
  @ApiProperty({ type: SentenceDto }) @ValidateNested() @Type(() => SentenceDto) aggregateSentence!: SentenceDto;
  @ApiProperty({ type: [IntervalDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => IntervalDto)
  intervals!: IntervalDto[];
  @ApiProperty({ type: [ReductionDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ReductionDto)
  reductions!: ReductionDto[];
  @ApiProperty({ type: [QuarterRatingDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => QuarterRatingDto)
  conductRatings!: QuarterRatingDto[];
  @ApiPropertyOptional({ type: PostQuarterEvaluationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostQuarterEvaluationDto)
  postQuarterEvaluation?: PostQuarterEvaluationDto;
  @ApiProperty({ type: [DisciplineRecordDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => DisciplineRecordDto)
  discipline!: DisciplineRecordDto[];
  @ApiProperty() @IsBoolean() drugUseEvidence!: boolean;
  @ApiProperty({ type: [PriorConvictionDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PriorConvictionDto)
  priorConvictions!: PriorConvictionDto[];
  @ApiPropertyOptional({ type: EarlierAmnestyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EarlierAmnestyDto)
  earlierAmnesty?: EarlierAmnestyDto;
  @ApiProperty() @IsBoolean() pendingProsecution!: boolean;
  @ApiPropertyOptional({ type: PendingProtestDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PendingProtestDto)
  pendingProtest?: PendingProtestDto;
  @ApiProperty({ type: [ObligationDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ObligationDto)
  obligations!: ObligationDto[];
  @ApiProperty({ type: [SpecialCircumstanceDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SpecialCircumstanceDto)
  specialCircumstances!: SpecialCircumstanceDto[];
  @ApiPropertyOptional({ type: ApplicationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ApplicationDto)
  application?: ApplicationDto;
  @ApiPropertyOptional({ type: CommitmentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CommitmentDto)
  commitment?: CommitmentDto;
  @ApiPropertyOptional({ type: EvidenceDocumentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EvidenceDocumentDto)
  suspensionCertification?: EvidenceDocumentDto;
  @ApiPropertyOptional({
    type: EvidenceDocumentDto,
    description: "A foreigner's passport or international travel document copy (Decree 52/2019 Art 5(6))",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => EvidenceDocumentDto)
  identityPaper?: EvidenceDocumentDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) securityConcern?: string;
  @ApiPropertyOptional({ description: "The camp council's meeting date (Decree 52/2019 Art 5(3)(c))" })
  @IsOptional()
  @IsIsoCalendarDate()
  councilMeetingDate?: string;

  // A method, not a field: the whitelist would take an own property for an unknown input field.
  requiresCampIdentifiers(): boolean {
    return true;
  }
}

// A dossier sent only to be evaluated (POST /api/eligibility/evaluate): the camp-side identifiers, which nothing
// there uses, may be left out.
export class EvaluateDossierDto extends DossierDto {
  override requiresCampIdentifiers(): boolean {
    return false;
  }
}

export class DossierBatchDto {
  @ApiProperty({ type: [DossierDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => DossierDto)
  records!: DossierDto[];
}

export class UpdateDossierDto {
  @ApiProperty({ description: 'The version you read; a stale version gets 409.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
  @ApiProperty({ type: DossierDto }) @ValidateNested() @Type(() => DossierDto) dossier!: DossierDto;
}
