import type { DocumentHeading, Signature } from './common.js';

export interface AppraisalFlagLine {
  order: number;
  // The dossier field the flag is pinned to, in words: "Bản án thứ 1: Ngày tuyên án".
  field: string;
  // "Sai nội dung" / "Sai thể thức" / "Thiếu tài liệu" …
  category: string;
  description: string;
  citation: string;
}

export interface AppraisalNoteViewModel {
  heading: DocumentHeading;
  dossier: {
    code: string;
    fullName: string;
    birthDate: string;
    facility: string;
    proposingBody: string;
    category: string;
  };
  // What the members compared the proposal against (Decree 52/2019, Art 8(2)).
  comparedWith: string;
  flags: AppraisalFlagLine[];
  // "Đồng ý đề nghị đặc xá" / "Không đồng ý" / "Đề nghị bổ sung hồ sơ".
  conclusion: string;
  reason: string;
  // Vote when the team did not agree (Art 8(3)); null when unanimous.
  vote: { inFavour: string; against: string } | null;
  signatures: Signature[];
}
