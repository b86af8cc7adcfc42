import { formatDate, formatPlaceDate } from '../format/print-format.js';
import type { DocumentHeading, Recipients, Signature } from '../view-models/common.js';
import { upperVi } from './dossier-print.js';
import type { IssuerRow } from './issuer.repository.js';
import type { DocumentRequest } from './snapshot-builder.js';

export function headingFor(input: {
  issuer: IssuerRow;
  request: DocumentRequest;
  today: string;
  documentType: string;
  summary: string;
}): DocumentHeading {
  const { issuer, request, today } = input;
  return {
    issuer: { parent: issuer.parent_name ? upperVi(issuer.parent_name) : null, name: upperVi(issuer.name) },
    number: request.number,
    placeDate: formatPlaceDate(request.place ?? issuer.place ?? 'Hà Nội', request.date ?? today),
    documentType: input.documentType,
    summary: input.summary,
  };
}

export function signatureFor(request: DocumentRequest): Signature {
  return {
    authority: request.signer.authority ? upperVi(request.signer.authority) : null,
    title: upperVi(request.signer.title),
    name: request.signer.name,
    note: null,
  };
}

const ARCHIVE_ENTRY = /^lưu\b/iu;

// "Nơi nhận" (Decree 30/2020, Appendix I, ô 9): the addressees, then the archive line last. An archive line typed among
// the recipients replaces the default one instead of being printed twice (only the first typed is kept); each entry is
// printed once, with its own ";".
export function recipientsFor(request: DocumentRequest): Recipients {
  const typed = request.recipients.map((entry) =>
    entry
      .trim()
      .replace(/^-\s*/u, '')
      .replace(/[;.,\s]+$/u, ''),
  );
  // An entry the builder adds from the source and the clerk typed as well is printed once.
  const seen = new Set<string>();
  const entries = typed.filter((entry) => {
    const key = entry.toLocaleLowerCase('vi');
    if (!entry || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const archive = entries.find((entry) => ARCHIVE_ENTRY.test(entry));
  return {
    entries: entries.filter((entry) => !ARCHIVE_ENTRY.test(entry)),
    archive: archive ? `${archive}.` : 'Lưu: VT.',
  };
}

// The two bases every amnesty document of a round opens with: the Law and the President's decision.
export function amnestyBases(decision: { number: string; date: string }): string[] {
  return [
    'Căn cứ Luật Đặc xá ngày 19 tháng 11 năm 2018;',
    `Căn cứ Quyết định số ${decision.number} ngày ${formatDate(decision.date)} của Chủ tịch nước về đặc xá;`,
  ];
}
