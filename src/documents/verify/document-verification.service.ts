import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ScopedRecord, ScopeService, type ScopeSubject } from '../../auth/scope.service.js';
import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';
import { DocumentsRepository, type DocumentRow } from '../documents.repository.js';
import { sha256Hex } from '../../kernel/hash.js';
import { isPdf, readPrintedStamp } from './printed-stamp.js';

export enum VerificationMatch {
  // The very file that was generated.
  FILE_SHA256 = 'file-sha256',
  // Another file (re-saved, signed, printed to PDF) whose printed snapshot hash is a stored document's.
  PRINTED_SNAPSHOT_HASH = 'printed-snapshot-hash',
  NONE = 'none',
}

export interface VerificationResult {
  match: VerificationMatch;
  uploadedSha256: string;
  printedNumber: string | null;
  printedSnapshotHash: string | null;
  documents: DocumentRow[];
  message: string;
}

// Which stored document an uploaded PDF is: first by the file's own SHA-256, then by the snapshot hash printed in its
// footer (the same data rendered again, or the generated file altered after it left the system).
@Injectable()
export class DocumentVerificationService {
  constructor(
    private readonly repository: DocumentsRepository,
    private readonly scope: ScopeService,
    private readonly dataSource: DataSource,
  ) {}

  // A stored document the caller may not read is not named: the file then simply matches nothing they can see.
  async verify(subject: ScopeSubject, bytes: Uint8Array): Promise<VerificationResult> {
    if (!(await isPdf(bytes)))
      throw new DocumentException('Tệp tải lên không phải là tệp PDF hợp lệ.', DocumentExceptionCode.INVALID_PDF);
    const uploadedSha256 = sha256Hex(bytes);
    const exact = await this.readable(subject, await this.repository.findBySha256(uploadedSha256));
    const stamp = await readPrintedStamp(bytes);
    const printed = { printedNumber: stamp?.number ?? null, printedSnapshotHash: stamp?.shortHash ?? null };
    if (exact.length > 0) {
      return {
        match: VerificationMatch.FILE_SHA256,
        uploadedSha256,
        ...printed,
        documents: exact,
        message: 'Tệp trùng khớp hoàn toàn với văn bản đã lưu (theo mã SHA-256 của tệp).',
      };
    }
    const byData = stamp
      ? await this.readable(
          subject,
          (await this.repository.findBySnapshotPrefix(stamp.shortHash)).filter((doc) => doc.number === stamp.number),
        )
      : [];
    if (byData.length > 0) {
      return {
        match: VerificationMatch.PRINTED_SNAPSHOT_HASH,
        uploadedSha256,
        ...printed,
        documents: byData,
        message:
          'Tệp không trùng từng byte với tệp đã lưu, nhưng mã dữ liệu và số văn bản in trên tệp khớp với văn bản đã lưu.',
      };
    }
    return {
      match: VerificationMatch.NONE,
      uploadedSha256,
      ...printed,
      documents: [],
      message: 'Không khớp với văn bản nào đã lưu.',
    };
  }

  private async readable(subject: ScopeSubject, documents: DocumentRow[]): Promise<DocumentRow[]> {
    const ids = new Set(
      await this.scope.visibleIds(
        this.dataSource.manager,
        subject,
        ScopedRecord.DOCUMENT,
        documents.map((d) => d.id),
      ),
    );
    return documents.filter((d) => ids.has(d.id));
  }
}
