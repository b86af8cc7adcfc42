import { Type } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { IsIsoCalendarDate } from '../../common/validators.js';
import { SignerDto } from '../documents.dto.js';

export class CreateCertificateBatchDto {
  @IsUUID('all', { message: 'Mã đợt đặc xá phải là UUID.' }) roundId!: string;
  @IsUUID('all', { message: 'Mã cơ sở giam giữ phải là UUID.' }) facilityId!: string;
  // The registry's symbol after each certificate's number, e.g. "GCNĐX-TG" prints "Số: 07/GCNĐX-TG".
  @Matches(/^[\p{L}0-9-]{2,30}$/u, { message: 'Ký hiệu giấy chứng nhận phải có dạng GCNĐX-TG (chữ, số, dấu gạch).' })
  symbol!: string;
  @IsOptional() @IsString() @Length(2, 80) place?: string;
  @IsOptional() @IsIsoCalendarDate({ message: 'Ngày cấp phải có dạng YYYY-MM-DD.' }) date?: string;
  @ValidateNested() @Type(() => SignerDto) signer!: SignerDto;
}
