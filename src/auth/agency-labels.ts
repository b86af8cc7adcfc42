import { Agency } from './user.entity.js';

// The agencies of the inter-agency appraisal team and the bodies around it, as their names are written.
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

export function agencyLabel(code: string): string {
  return (AGENCY_LABELS as Record<string, string>)[code] ?? code;
}
