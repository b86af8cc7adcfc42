import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { DossierQueryDto } from '../dossier-query.dto.js';
import { DossierImportStatus } from './dossier-import.entity.js';

// The list page's filters, without paging: an export holds every dossier they select.
export class DossierExportQueryDto extends OmitType(DossierQueryDto, [
  'page',
  'pageSize',
  'after',
  'before',
] as const) {}

export class ImportPreviewRowDto {
  @ApiProperty({ description: 'STT of the dossier on the sheet "Hồ sơ"' }) stt!: number;
  @ApiProperty({ description: 'Row of the sheet "Hồ sơ"' }) row!: number;
  @ApiProperty() inmateNumber!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ example: '1985-03-14' }) birthDate!: string;
  @ApiProperty({ example: 'Nam' }) sex!: string;
  @ApiProperty() round!: string;
  @ApiProperty() facility!: string;
  @ApiProperty() team!: string;
  @ApiProperty({ example: '9 năm' }) aggregateSentence!: string;
  @ApiProperty({ example: 'Trộm cắp tài sản' }) offences!: string;
}

export class ImportSummaryDto {
  @ApiProperty({ description: 'The preview token: commit it with POST /api/dossiers/excel/imports/{id}/commit' })
  id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: DossierImportStatus }) status!: DossierImportStatus;
  @ApiProperty() createdAt!: Date;
  @ApiPropertyOptional({ nullable: true, type: Date }) committedAt!: Date | null;
  @ApiProperty({ description: 'Dossiers the file will create' }) dossiers!: number;
  @ApiProperty({
    description: 'Rows read on each sheet',
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { 'Hồ sơ': 2, 'Bản án': 2, 'Tội danh': 3 },
  })
  parts!: Record<string, number>;
  @ApiProperty({ type: [ImportPreviewRowDto] }) rows!: ImportPreviewRowDto[];
}

export class ImportedDossierDto {
  @ApiProperty() id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() stage!: string;
}

export class ImportCommitDto {
  @ApiProperty() created!: number;
  @ApiProperty({ type: [ImportedDossierDto] }) dossiers!: ImportedDossierDto[];
}
