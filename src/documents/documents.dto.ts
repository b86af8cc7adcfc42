import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { IsIsoCalendarDate } from '../common/validators.js';
import { DocumentSourceType } from './builders/snapshot-builder.js';
import { DocumentKind } from './view-models/common.js';

export class SignerDto {
  @IsOptional() @IsString() @Length(2, 120) authority?: string;
  @IsString() @Length(2, 120) title!: string;
  @IsString() @Length(2, 120) name!: string;
}

export class CreateDocumentDto {
  @IsEnum(DocumentKind, { message: 'Loại văn bản không hợp lệ.' }) kind!: DocumentKind;
  @IsEnum(DocumentSourceType, { message: 'Nguồn dữ liệu không hợp lệ.' }) sourceType!: DocumentSourceType;
  @IsUUID('all', { message: 'Mã nguồn dữ liệu phải là UUID.' }) sourceId!: string;
  // "Số, ký hiệu" as the registry book gives it, e.g. "05/DS-TGTX".
  @Matches(/^\d{2,}\/[\p{L}0-9-]+$/u, { message: 'Số, ký hiệu văn bản phải có dạng 05/DS-TGTX.' }) number!: string;
  @IsOptional() @IsString() @Length(2, 80) place?: string;
  @IsOptional() @IsIsoCalendarDate({ message: 'Ngày văn bản phải có dạng YYYY-MM-DD.' }) date?: string;
  @ValidateNested() @Type(() => SignerDto) signer!: SignerDto;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(2, 200, { each: true })
  recipients?: string[];
}
