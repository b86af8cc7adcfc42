import type { RulePack } from '../rule-pack.js';
import { applicationRule } from '../shared/application.js';
import { roundExclusionRules } from '../shared/round-exclusions.js';
import { LAW_30_CATEGORIES } from './categories.js';
import { decree52, law } from './citations.js';
import { conductLatestRule, conductRule } from './conduct.js';
import { foreignerIdentityRule } from './foreigner.js';
import { age70Rule, minorAtOffenceRule, minorNowRule } from './evidence-age.js';
import { disabilityRule, roundDefinedRule } from './evidence-disability.js';
import { familyHardshipRule, pregnancyRule } from './evidence-family.js';
import { frequentIllnessRule, seriousIllnessRule } from './evidence-illness.js';
import { meritEvidenceRule, meritoriousEvidenceRule } from './evidence-merit.js';
import {
  earlierAmnestyExclusion,
  priorConvictionsExclusion,
  prosecutionExclusion,
  protestExclusion,
  securityOffenceExclusion,
} from './exclusions.js';
import { securityOrderRule, suspensionConductRule } from './judgment-calls.js';
import { LAW_30_DATA } from './law-data.js';
import { civilObligationsRule, fineAndFeeRule, fullCivilRule } from './obligations.js';
import { scopeRule } from './scope.js';
import { timeServedGeneralRule, timeServedSpecialRule } from './time-served.js';

// Law 30/2018/QH14 Arts 11–12 as detailed by Decree 52/2019/NĐ-CP Arts 4–5, with the conduct condition as amended
// by Law 86/2025/QH15 left to each round's quarter table. Bump the version whenever a rule's meaning changes.
export const LAW_30_2018_PACK: RulePack = {
  id: 'law-30-2018',
  version: '1.1.0',
  title: 'Luật Đặc xá số 30/2018/QH14 và Nghị định số 52/2019/NĐ-CP',
  lawMinimums: {
    generalFraction: LAW_30_DATA.generalFraction,
    generalLifeYears: LAW_30_DATA.generalLifeYears,
    heavyFraction: LAW_30_DATA.heavyFraction,
    heavyLifeYears: LAW_30_DATA.heavyLifeYears,
    citation: law(11, 1, 'b', 'Ít nhất 1/3 thời hạn, 14 năm; nhóm tội nặng ít nhất 1/2 thời hạn, 17 năm'),
  },
  aggregationCapYears: LAW_30_DATA.aggregationCapYears,
  categories: LAW_30_CATEGORIES,
  rules: [
    scopeRule,
    conductRule,
    conductLatestRule,
    timeServedGeneralRule,
    timeServedSpecialRule,
    fineAndFeeRule,
    fullCivilRule,
    civilObligationsRule,
    securityOrderRule,
    suspensionConductRule,
    securityOffenceExclusion,
    protestExclusion,
    prosecutionExclusion,
    earlierAmnestyExclusion,
    priorConvictionsExclusion,
    meritEvidenceRule,
    meritoriousEvidenceRule,
    seriousIllnessRule,
    frequentIllnessRule,
    minorAtOffenceRule,
    age70Rule,
    familyHardshipRule,
    pregnancyRule,
    disabilityRule,
    roundDefinedRule,
    minorNowRule,
    foreignerIdentityRule,
    applicationRule({
      id: 'R-DOSSIER-APP',
      citation: law(
        15,
        1,
        undefined,
        'Trong thời hạn 05 ngày kể từ ngày niêm yết, phổ biến Quyết định về đặc xá, người đang chấp hành án viết đơn đề nghị đặc xá',
      ),
      alsoCites: [
        law(14, 1, undefined, 'Đơn đề nghị đặc xá'),
        law(14, 4, undefined, 'Bản cam kết'),
        decree52(5, 2, undefined, 'Bản cam kết theo mẫu'),
      ],
      commitmentRequired: true,
    }),
  ],
  roundRules: (round) =>
    roundExclusionRules(round, {
      id: 'R-EXC-LIST',
      citation: law(
        12,
        6,
        undefined,
        'Các trường hợp khác không được đề nghị đặc xá theo Quyết định về đặc xá của Chủ tịch nước',
      ),
    }),
};
