// The category a dossier is proposed under: the general case or one of the special groups of
// Law 30/2018 Art 11(3)–(4) (Law 07/2007 Art 10(2) in the decree-era pack).
export type SpecialCategoryCode =
  | 'MAJOR_MERIT'
  | 'MERITORIOUS_PERSON'
  | 'SERIOUS_ILLNESS'
  | 'FREQUENT_ILLNESS'
  | 'UNDER_18_AT_OFFENCE'
  | 'AGE_70_PLUS'
  | 'FAMILY_HARDSHIP'
  | 'PREGNANT_OR_YOUNG_CHILD'
  | 'SEVERE_DISABILITY'
  | 'ROUND_DEFINED'
  | 'UNDER_18_NOW';

export type CategoryCode = 'GENERAL' | SpecialCategoryCode;

export const CATEGORY_LABELS: Readonly<Record<CategoryCode, string>> = {
  GENERAL: 'Trường hợp chung',
  MAJOR_MERIT: 'Lập công lớn trong thời gian chấp hành án',
  MERITORIOUS_PERSON:
    'Người có công với cách mạng, thương binh, bệnh binh, người được tặng thưởng huân chương, huy chương kháng chiến, thân nhân liệt sĩ',
  SERIOUS_ILLNESS: 'Đang mắc bệnh hiểm nghèo',
  FREQUENT_ILLNESS: 'Ốm đau thường xuyên, không tự phục vụ bản thân được',
  UNDER_18_AT_OFFENCE: 'Khi phạm tội là người dưới 18 tuổi',
  AGE_70_PLUS: 'Từ đủ 70 tuổi trở lên',
  FAMILY_HARDSHIP: 'Hoàn cảnh gia đình đặc biệt khó khăn, là lao động duy nhất',
  PREGNANT_OR_YOUNG_CHILD: 'Phụ nữ có thai hoặc có con dưới 36 tháng tuổi',
  SEVERE_DISABILITY: 'Người khuyết tật nặng, đặc biệt nặng hoặc khó khăn trong nhận thức, làm chủ hành vi',
  ROUND_DEFINED: 'Trường hợp khác do Chủ tịch nước quyết định',
  UNDER_18_NOW: 'Người dưới 18 tuổi đang chấp hành án phạt tù',
};

export const SPECIAL_CATEGORY_CODES: readonly SpecialCategoryCode[] = [
  'MAJOR_MERIT',
  'MERITORIOUS_PERSON',
  'SERIOUS_ILLNESS',
  'FREQUENT_ILLNESS',
  'UNDER_18_AT_OFFENCE',
  'AGE_70_PLUS',
  'FAMILY_HARDSHIP',
  'PREGNANT_OR_YOUNG_CHILD',
  'SEVERE_DISABILITY',
  'ROUND_DEFINED',
  'UNDER_18_NOW',
];

export function isSpecialCategory(code: string): code is SpecialCategoryCode {
  return (SPECIAL_CATEGORY_CODES as readonly string[]).includes(code);
}
