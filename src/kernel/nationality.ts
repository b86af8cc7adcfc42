// Who is a foreigner: a nationality other than Vietnamese, however the dossier spells it. The eligibility mapper (a
// foreigner's passport copy, Nghị định 52/2019/NĐ-CP, Điều 5, khoản 6) and the steps after the decision (a foreigner
// has no duty to present the certificate, Luật Đặc xá 2018, Điều 20, khoản 3) read it the same way.
const VIETNAMESE: ReadonlySet<string> = new Set(['việt nam', 'viet nam', 'vn', 'vnm']);

export function isForeignNationality(nationality: string): boolean {
  return !VIETNAMESE.has(nationality.trim().toLowerCase());
}
