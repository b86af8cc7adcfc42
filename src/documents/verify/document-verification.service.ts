import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ScopedRecord, ScopeService, type ScopeSubject } from '../../auth/scope.service.js';
import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';
import { DocumentsRepository, type DocumentRow } from '../documents.repository.js';
import { sha256Hex } from '../../kernel/hash.js';
import { checkPdfSignature, type SignatureCheck } from '../signing/signature-check.js';
import { isPdf, readPrintedStamp } from './printed-stamp.js';

export enum VerificationMatch {
  // The very file that was generated.
  FILE_SHA256 = 'file-sha256',
  // The unsigned render of a stored document: the snapshot rendered again, or the file before its signature.
  RENDER_SHA256 = 'render-sha256',
  // Another file (re-saved, signed, printed to PDF) whose printed snapshot hash is a stored document's.
  PRINTED_SNAPSHOT_HASH = 'printed-snapshot-hash',
  NONE = 'none',
}

// The file's own digital signature, judged without the database: whether the bytes are unchanged since signing, and
// whether the certificate is the one the matched documents were signed with.
export interface SignatureVerification extends SignatureCheck {
  // The certificate is the one a matched document was stored signed with (null when nothing matched).
  certificateMatchesIssuer: boolean | null;
  message: string;
}

export interface VerificationResult {
  match: VerificationMatch;
  signature: SignatureVerification;
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
    const checked = checkPdfSignature(bytes);
    const signatureOf = (documents: DocumentRow[]): SignatureVerification => signatureVerdict(checked, documents);
    const exact = await this.readable(subject, await this.repository.findBySha256(uploadedSha256));
    const stamp = await readPrintedStamp(bytes);
    const printed = { printedNumber: stamp?.number ?? null, printedSnapshotHash: stamp?.shortHash ?? null };
    if (exact.length > 0) {
      return {
        match: VerificationMatch.FILE_SHA256,
        signature: signatureOf(exact),
        uploadedSha256,
        ...printed,
        documents: exact,
        message: 'Tệp trùng khớp hoàn toàn với văn bản đã lưu (theo mã SHA-256 của tệp).',
      };
    }
    const rendered = await this.readable(subject, await this.repository.findByRenderSha256(uploadedSha256));
    if (rendered.length > 0) {
      return {
        match: VerificationMatch.RENDER_SHA256,
        signature: signatureOf(rendered),
        uploadedSha256,
        ...printed,
        documents: rendered,
        message:
          'Tệp trùng từng byte với bản dựng chưa ký số của văn bản đã lưu (dựng lại từ dữ liệu đã chốt cho đúng tệp này).',
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
        signature: signatureOf(byData),
        uploadedSha256,
        ...printed,
        documents: byData,
        message:
          'Tệp không trùng từng byte với tệp đã lưu, nhưng mã dữ liệu và số văn bản in trên tệp khớp với văn bản đã lưu.',
      };
    }
    return {
      match: VerificationMatch.NONE,
      signature: signatureOf([]),
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

function signatureVerdict(check: SignatureCheck, documents: DocumentRow[]): SignatureVerification {
  const signedWith = documents.map((d) => d.signer_certificate_sha256).filter((c): c is string => c !== null);
  const certificateMatchesIssuer =
    check.present && signedWith.length > 0 ? signedWith.includes(check.certificateSha256 ?? '') : null;
  return { ...check, certificateMatchesIssuer, message: signatureMessage(check, certificateMatchesIssuer) };
}

function signatureMessage(check: SignatureCheck, certificateMatchesIssuer: boolean | null): string {
  if (!check.present) return 'Tệp không có chữ ký số.';
  if (!check.valid) return 'Chữ ký số không hợp lệ: nội dung đã bị sửa sau khi ký, hoặc chữ ký bị hỏng.';
  if (!check.coversWholeFile)
    return `Chữ ký số của ${check.signedBy} hợp lệ cho phần đã ký, nhưng tệp có thêm nội dung sau khi ký.`;
  const who = `Chữ ký số hợp lệ của ${check.signedBy}; tệp không thay đổi từ khi ký`;
  const demo = check.selfSigned ? ' (chứng thư số tự ký, chỉ dùng thử)' : '';
  if (certificateMatchesIssuer === false)
    return `${who}${demo}, nhưng chứng thư số không phải chứng thư đơn vị đã dùng để ký văn bản đã lưu.`;
  return `${who}${demo}.`;
}
