// The agencies that send members to the inter-agency appraisal team and the bodies around it (Luật Đặc xá 2018,
// Điều 10). Stored in users.agency and in a round's required membership, so never rename one.
export enum Agency {
  CONG_AN = 'CONG_AN',
  QUOC_PHONG = 'QUOC_PHONG',
  TAND_TOI_CAO = 'TAND_TOI_CAO',
  VKSND_TOI_CAO = 'VKSND_TOI_CAO',
  MTTQ = 'MTTQ',
  VAN_PHONG_CTN = 'VAN_PHONG_CTN',
  VAN_PHONG_CP = 'VAN_PHONG_CP',
  BO_TU_PHAP = 'BO_TU_PHAP',
  BO_NGOAI_GIAO = 'BO_NGOAI_GIAO',
}

export const AGENCY_LABELS: Record<Agency, string> = {
  [Agency.CONG_AN]: 'Bộ Công an',
  [Agency.QUOC_PHONG]: 'Bộ Quốc phòng',
  [Agency.TAND_TOI_CAO]: 'Tòa án nhân dân tối cao',
  [Agency.VKSND_TOI_CAO]: 'Viện kiểm sát nhân dân tối cao',
  [Agency.MTTQ]: 'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam',
  [Agency.VAN_PHONG_CTN]: 'Văn phòng Chủ tịch nước',
  [Agency.VAN_PHONG_CP]: 'Văn phòng Chính phủ',
  [Agency.BO_TU_PHAP]: 'Bộ Tư pháp',
  [Agency.BO_NGOAI_GIAO]: 'Bộ Ngoại giao',
};

export function isAgency(value: unknown): value is Agency {
  return typeof value === 'string' && (Object.values(Agency) as string[]).includes(value);
}

export function agencyLabel(code: string): string {
  return isAgency(code) ? AGENCY_LABELS[code] : code;
}
