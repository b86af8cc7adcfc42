import { Injectable } from '@nestjs/common';
import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';
import { DocumentsRepository } from '../documents.repository.js';
import { sha256Hex } from '../../kernel/hash.js';
import { shortHash } from '../snapshot-hash.js';
import { isPdf } from './printed-stamp.js';

export enum PublicMatch {
  // The printed hash (from the QR code) or the uploaded file is the issued document's.
  MATCHES = 'matches',
  DIFFERS = 'differs',
  // Nothing to compare yet: the address carried no hash and no file was sent.
  NOT_CHECKED = 'not-checked',
}

export interface PublicVerification {
  number: string;
  issuer: string;
  issuedOn: string | null;
  pages: number | null;
  match: PublicMatch;
  message: string;
}

const MESSAGES: Record<PublicMatch, string> = {
  [PublicMatch.MATCHES]: 'Khớp: văn bản này đúng là văn bản đã được ban hành trên hệ thống.',
  [PublicMatch.DIFFERS]:
    'Không khớp: nội dung không trùng với văn bản đã được ban hành. Đề nghị liên hệ cơ quan ban hành.',
  [PublicMatch.NOT_CHECKED]: 'Quét mã QR in trên văn bản, hoặc tải lên tệp PDF để đối chiếu.',
};

// "Hà Nội, ngày 04 tháng 7 năm 2025" → 04/07/2025.
function issuedOn(placeDate: string | null): string | null {
  const match = placeDate?.match(/ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/u);
  return match ? `${match[1].padStart(2, '0')}/${match[2].padStart(2, '0')}/${match[3]}` : null;
}

// The public side of a document's QR code: anyone holding the paper can check that it was issued, and unchanged,
// without an account. It answers the number, the issuer, the date and the page count — never a person's data.
@Injectable()
export class PublicVerificationService {
  constructor(private readonly repository: DocumentsRepository) {}

  async check(documentId: string, input: { printedHash?: string; file?: Uint8Array }): Promise<PublicVerification> {
    const row = await this.repository.findPublicRecord(documentId);
    if (!row) throw new DocumentException('Không tìm thấy văn bản.', DocumentExceptionCode.DOCUMENT_NOT_FOUND);
    let match = PublicMatch.NOT_CHECKED;
    if (input.file) {
      if (!(await isPdf(input.file)))
        throw new DocumentException('Tệp tải lên không phải là tệp PDF hợp lệ.', DocumentExceptionCode.INVALID_PDF);
      // A file is the issued one only byte for byte: its printed footer alone could be copied onto anything.
      // The stored (signed) file, or its unsigned render that anyone holding the snapshot can make again.
      const uploaded = sha256Hex(input.file);
      match = [row.file_sha256, row.render_sha256].includes(uploaded) ? PublicMatch.MATCHES : PublicMatch.DIFFERS;
    } else if (input.printedHash) {
      match = input.printedHash === shortHash(row.snapshot_hash) ? PublicMatch.MATCHES : PublicMatch.DIFFERS;
    }
    return {
      number: row.number,
      issuer: row.issuer,
      issuedOn: issuedOn(row.place_date),
      pages: row.pages,
      match,
      message: MESSAGES[match],
    };
  }
}
