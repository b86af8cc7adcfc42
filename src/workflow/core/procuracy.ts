import { FacilityKind } from './routing.js';
import type { Guard } from './transition-context.js';

// Which procuracy supervises a facility's amnesty work and receives its notices (Luật Đặc xá 2018, Điều 30; Điều 15,
// khoản 5): the Supreme People's Procuracy directly for the prisons and detention centres of the two ministries; the
// provincial procuracy for a provincial-police detention centre; the military-region procuracy for a military-region
// camp. The organisation tree holds the Supreme Procuracy as a national body and each local procuracy as a unit that
// names the provincial police or military-region command whose facilities it supervises (the tree has no provinces).
export enum ProcuracyLevel {
  SUPREME = 'SUPREME',
  LOCAL = 'LOCAL',
}

export const PROCURACY_CITATION = 'Luật Đặc xá 2018, Điều 15, khoản 5; Điều 30';

export const PROCURACY_OF_FACILITY: Record<FacilityKind, { level: ProcuracyLevel; label: string }> = {
  [FacilityKind.MPS_PRISON]: { level: ProcuracyLevel.SUPREME, label: 'Viện kiểm sát nhân dân tối cao' },
  [FacilityKind.MPS_DETENTION_C01]: { level: ProcuracyLevel.SUPREME, label: 'Viện kiểm sát nhân dân tối cao' },
  [FacilityKind.MPS_DETENTION_A09]: { level: ProcuracyLevel.SUPREME, label: 'Viện kiểm sát nhân dân tối cao' },
  [FacilityKind.MOD_PRISON]: { level: ProcuracyLevel.SUPREME, label: 'Viện kiểm sát nhân dân tối cao' },
  [FacilityKind.PROVINCIAL_DETENTION]: { level: ProcuracyLevel.LOCAL, label: 'Viện kiểm sát nhân dân tỉnh, thành phố' },
  [FacilityKind.MILITARY_REGION_CAMP]: { level: ProcuracyLevel.LOCAL, label: 'Viện kiểm sát quân sự quân khu' },
};

// Lists reach the appraisal team only once the camp has notified the competent procuracy of the list results
// (Luật Đặc xá 2018, Điều 15, khoản 5).
export const procuracyNotified: Guard = (ctx) =>
  ctx.procuracyNotified === true
    ? null
    : {
        field: 'procuracyNotice',
        code: 'missing',
        message:
          'Trại chưa ghi nhận việc thông báo kết quả lập danh sách cho Viện kiểm sát có thẩm quyền: chưa được chuyển danh sách đến Tổ thẩm định liên ngành (Luật Đặc xá 2018, Điều 15, khoản 5).',
      };
