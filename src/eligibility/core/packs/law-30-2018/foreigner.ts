import { result, type Rule } from '../../rule.js';
import { checkEvidence, describeDoc } from '../shared/evidence.js';
import { decree52, law } from './citations.js';

const PAPER = {
  kinds: ['IDENTITY_PAPER_COPY'] as const,
  label: 'Bản sao hộ chiếu hoặc giấy tờ có giá trị đi lại quốc tế của người nước ngoài',
};

// Decree 52/2019 Art 5(6): a foreigner's dossier holds a copy of the passport or of another international travel
// document (and the entry visa, if there is one: not required, so not checked). Law 30/2018 Art 14 lists the dossier;
// Art 21(1) leaves its detail to the Government.
export const foreignerIdentityRule: Rule = {
  id: 'R-DOSSIER-FOREIGN',
  title: 'Giấy tờ tùy thân của người nước ngoài',
  kind: 'DOSSIER',
  citation: decree52(
    5,
    6,
    undefined,
    'Đối với người nước ngoài: bản sao hộ chiếu hoặc giấy tờ có giá trị đi lại quốc tế, thị thực nhập cảnh (nếu có)',
  ),
  alsoCites: [law(14, undefined, undefined, 'Hồ sơ đề nghị đặc xá')],
  notApplicable: (ctx) => (ctx.facts.person.foreigner ? null : 'Không phải người nước ngoài.'),
  evaluate(ctx) {
    const paper = ctx.facts.person.identityPaper ?? null;
    const doc = checkEvidence(paper ? [paper] : [], PAPER);
    const inputs = [{ label: 'Có bản sao hộ chiếu hợp lệ', actual: doc.ok, operator: '=' as const, expected: true }];
    if (!doc.ok) {
      return result(foreignerIdentityRule, 'NEEDS_EVIDENCE', `${doc.message}.`, inputs, {
        missingEvidence: [doc.message],
      });
    }
    return result(
      foreignerIdentityRule,
      'PASS',
      `Hồ sơ có bản sao hộ chiếu hoặc giấy tờ đi lại quốc tế (${describeDoc(doc.doc)}).`,
      inputs,
    );
  },
};
