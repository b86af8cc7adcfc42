import { formatPlaceDate } from '../format/print-format.js';
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

export function recipientsFor(request: DocumentRequest): Recipients {
  return { entries: request.recipients, archive: 'Lưu: VT.' };
}
