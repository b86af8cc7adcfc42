import { addDays, daysBetween, formatIsoVi, isValidIsoDate } from '../../kernel/calendar-date.js';
import { FacilityKind } from './routing.js';
import type { Guard } from './transition-context.js';

// After the President's decision (Luật Đặc xá 2018, Điều 18; Điều 20): the decision and its list are posted at each
// camp where a granted person serves, the certificate is issued by the head the law names for the kind of facility,
// its copies go to the bodies of Điều 18, khoản 4, and the person presents it to the commune or military unit.
export const POSTING_CITATION = 'Luật Đặc xá 2018, Điều 18, khoản 1';
export const ISSUER_CITATION = 'Luật Đặc xá 2018, Điều 18, khoản 3';
export const COPIES_CITATION = 'Luật Đặc xá 2018, Điều 18, khoản 4';
export const PRESENTATION_CITATION = 'Luật Đặc xá 2018, Điều 20, khoản 2, điểm a';
export const PRESENTATION_PARAMETER = 'deadlines.certificatePresentationDays';
// A foreigner keeps the rights of khoản 1, điểm a and c and the duties of khoản 2, điểm b and c: not the presentation.
export const FOREIGNER_PRESENTATION_CITATION = 'Luật Đặc xá 2018, Điều 20, khoản 3';

// Who signs the certificate. The court president issues it to a suspended person (Điều 18, khoản 3, đoạn 4); the
// courts' route supplies the court's unit through `issuerFor({ court: … })`.
export enum CertificateIssuerKind {
  CAMP_HEAD = 'CAMP_HEAD',
  PROVINCIAL_THAHS_HEAD = 'PROVINCIAL_THAHS_HEAD',
  MILITARY_REGION_THAHS_HEAD = 'MILITARY_REGION_THAHS_HEAD',
  COURT_PRESIDENT = 'COURT_PRESIDENT',
}

export interface CertificateIssuer {
  kind: CertificateIssuerKind;
  title: string;
  // Whose letterhead the certificate bears: the facility itself, or the unit above it that holds the THAHS agency.
  letterhead: 'FACILITY' | 'DEPARTMENT' | 'COURT';
  citation: string;
}

const CAMP_HEAD: CertificateIssuer = {
  kind: CertificateIssuerKind.CAMP_HEAD,
  title: 'GIÁM THỊ',
  letterhead: 'FACILITY',
  citation: `${ISSUER_CITATION}, đoạn 1`,
};

export const ISSUER_OF_FACILITY: Record<FacilityKind, CertificateIssuer> = {
  [FacilityKind.MPS_PRISON]: CAMP_HEAD,
  [FacilityKind.MPS_DETENTION_C01]: CAMP_HEAD,
  [FacilityKind.MPS_DETENTION_A09]: CAMP_HEAD,
  [FacilityKind.MOD_PRISON]: CAMP_HEAD,
  [FacilityKind.PROVINCIAL_DETENTION]: {
    kind: CertificateIssuerKind.PROVINCIAL_THAHS_HEAD,
    title: 'THỦ TRƯỞNG CƠ QUAN THI HÀNH ÁN HÌNH SỰ CÔNG AN TỈNH',
    letterhead: 'DEPARTMENT',
    citation: `${ISSUER_CITATION}, đoạn 2`,
  },
  [FacilityKind.MILITARY_REGION_CAMP]: {
    kind: CertificateIssuerKind.MILITARY_REGION_THAHS_HEAD,
    title: 'THỦ TRƯỞNG CƠ QUAN THI HÀNH ÁN HÌNH SỰ QUÂN KHU',
    letterhead: 'DEPARTMENT',
    citation: `${ISSUER_CITATION}, đoạn 3`,
  },
};

export const COURT_PRESIDENT: CertificateIssuer = {
  kind: CertificateIssuerKind.COURT_PRESIDENT,
  title: 'CHÁNH ÁN',
  letterhead: 'COURT',
  citation: `${ISSUER_CITATION}, đoạn 4`,
};

export function issuerFor(holder: { facilityKind: FacilityKind } | { court: true }): CertificateIssuer {
  return 'court' in holder ? COURT_PRESIDENT : ISSUER_OF_FACILITY[holder.facilityKind];
}

// The bodies that receive a copy of the certificate (Điều 18, khoản 4). Each copy is recorded with its addressee's
// name and the day it was sent, and printed under "Nơi nhận".
export enum CopyRecipient {
  CRIMINAL_RECORD_CENTRE = 'CRIMINAL_RECORD_CENTRE',
  SENTENCING_COURT = 'SENTENCING_COURT',
  ADDITIONAL_PENALTY_AGENCY = 'ADDITIONAL_PENALTY_AGENCY',
  CIVIL_ENFORCEMENT_AGENCY = 'CIVIL_ENFORCEMENT_AGENCY',
  DISTRICT_THAHS_AGENCY = 'DISTRICT_THAHS_AGENCY',
  COMMUNE_OR_UNIT = 'COMMUNE_OR_UNIT',
  RECEIVING_AGENCY = 'RECEIVING_AGENCY',
}

export const COPY_RECIPIENT_LABELS: Record<CopyRecipient, string> = {
  [CopyRecipient.CRIMINAL_RECORD_CENTRE]: 'Trung tâm Lý lịch tư pháp quốc gia',
  [CopyRecipient.SENTENCING_COURT]: 'Tòa án đã ra quyết định thi hành án',
  [CopyRecipient.ADDITIONAL_PENALTY_AGENCY]: 'Cơ quan chịu trách nhiệm thi hành hình phạt bổ sung',
  [CopyRecipient.CIVIL_ENFORCEMENT_AGENCY]: 'Cơ quan thi hành án dân sự đã ra quyết định chưa có điều kiện thi hành án',
  [CopyRecipient.DISTRICT_THAHS_AGENCY]: 'Cơ quan thi hành án hình sự Công an cấp huyện',
  [CopyRecipient.COMMUNE_OR_UNIT]:
    'Ủy ban nhân dân cấp xã, tổ chức, đơn vị quân đội nơi người được đặc xá về cư trú, làm việc',
  [CopyRecipient.RECEIVING_AGENCY]: 'Cơ quan nhận người bị trích xuất',
};

// The copies every certificate has (the other kinds exist only for some persons): the record centre, the sentencing
// court, the commune or unit of residence; and the civil-enforcement agency when it issued a decision that enforcement
// is not yet possible ("chưa có điều kiện thi hành án", Điều 18, khoản 4; Điều 11, khoản 1, điểm đ).
export const ALWAYS_COPIED: readonly CopyRecipient[] = [
  CopyRecipient.CRIMINAL_RECORD_CENTRE,
  CopyRecipient.SENTENCING_COURT,
  CopyRecipient.COMMUNE_OR_UNIT,
];

export function missingCopies(recorded: readonly CopyRecipient[], needsCivilEnforcementCopy: boolean): CopyRecipient[] {
  const due = needsCivilEnforcementCopy
    ? [...ALWAYS_COPIED, CopyRecipient.CIVIL_ENFORCEMENT_AGENCY]
    : [...ALWAYS_COPIED];
  return due.filter((r) => !recorded.includes(r));
}

// The day by which the person presents the certificate: the day of release plus the round's period, when the round
// holds one; null otherwise (the law itself fixes none).
export function presentationDueDate(releasedOn: string | null, days: number | null): string | null {
  return releasedOn && days !== null ? addDays(releasedOn, days) : null;
}

export interface PresentationFiling {
  releasedOn: string | null;
  presentedOn: string;
  today: string;
}

// A presentation is recorded on or after the day of release and never in the future.
export const presentationRecordable: Guard = (ctx) => {
  const f = ctx.presentation;
  if (!f) return { field: 'presentedOn', code: 'missing', message: 'Phải ghi ngày người được đặc xá trình diện.' };
  if (!isValidIsoDate(f.presentedOn))
    return { field: 'presentedOn', code: 'presentedOn', message: 'Ngày trình diện phải có dạng YYYY-MM-DD.' };
  if (!f.releasedOn) return { field: 'releasedOn', code: 'missing', message: 'Chưa ghi ngày tha tù.' };
  if (f.presentedOn < f.releasedOn)
    return {
      field: 'presentedOn',
      code: 'presentedOn',
      message: `Ngày trình diện (${formatIsoVi(f.presentedOn)}) không được trước ngày tha tù (${formatIsoVi(f.releasedOn)}).`,
    };
  if (f.presentedOn > f.today)
    return {
      field: 'presentedOn',
      code: 'presentedOn',
      message: `Ngày trình diện (${formatIsoVi(f.presentedOn)}) không được sau ngày hôm nay.`,
    };
  return null;
};

export interface PresentationStatus {
  dueDate: string | null;
  overdue: boolean;
  daysOverdue: number;
}

export function presentationStatus(input: {
  releasedOn: string | null;
  presentedOn: string | null;
  days: number | null;
  today: string;
  // A foreigner has no duty to present the certificate (FOREIGNER_PRESENTATION_CITATION): nothing is ever due.
  foreigner?: boolean;
}): PresentationStatus {
  if (input.foreigner) return { dueDate: null, overdue: false, daysOverdue: 0 };
  const dueDate = presentationDueDate(input.releasedOn, input.days);
  if (input.presentedOn || !dueDate || input.today <= dueDate) return { dueDate, overdue: false, daysOverdue: 0 };
  return { dueDate, overdue: true, daysOverdue: daysBetween(dueDate, input.today) };
}
