import type { DossierDocument } from '../../src/dossiers/dossier-format.js';
import { buildDossier } from './dossier.factory.js';

// A person whose prison term a court suspended (Luật Đặc xá 2018, Điều 15, khoản 3): detained, then in a camp, then on
// suspension since 01/03/2024; entered at the court (or, to prove a refusal, at a camp).
export function suspendedDossier(input: {
  roundCode: string;
  facilityCode: string;
  fullName: string;
  status?: string;
}): DossierDocument {
  return buildDossier({
    roundCode: input.roundCode,
    facilityCode: input.facilityCode,
    status: (input.status ?? 'SUSPENDED') as never,
    person: { fullName: input.fullName },
    intervals: [
      { kind: 'PRE_TRIAL_DETENTION' as never, from: '2018-11-05', to: '2019-07-05' },
      { kind: 'CAMP' as never, from: '2019-07-06', to: '2024-02-29' },
      { kind: 'SUSPENSION' as never, from: '2024-03-01' },
    ],
  });
}

// The court's proposal with the commune's comment on conduct (Điều 14, khoản 5), as the court officer posts it.
export function courtProposal(dossierId: string, version: number, overrides: Record<string, unknown> = {}) {
  return {
    dossierId,
    version,
    proposalNumber: '12/VB-TA',
    proposedOn: '2025-07-12',
    proposal: 'Đề nghị xét đặc xá: đã chấp hành đủ thời gian, xếp loại khá trước khi tạm đình chỉ.',
    conductComment: {
      issuer: 'UBND xã Tân Phú',
      issuerKind: 'COMMUNE',
      number: '45/UBND',
      date: '2025-07-10',
      text: 'Chấp hành nghiêm chỉnh pháp luật, quy định của địa phương trong thời gian tạm đình chỉ.',
      lawfulConduct: true,
    },
    ...overrides,
  };
}
