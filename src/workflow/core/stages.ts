// The life of one dossier, from the inmate's application to the certificate (Nghị định 76/2008/NĐ-CP, Điều 7–8;
// Luật Đặc xá 2018, Điều 15–18). String values are stored in `dossiers.stage`, so never rename one.
export enum Stage {
  APPLICATION = 'application',
  TEAM_BALLOT = 'team_ballot',
  CAMP_COUNCIL = 'camp_council',
  WARDEN = 'warden',
  POSTED = 'posted',
  DEPARTMENT = 'department',
  MINISTRY = 'ministry',
  APPRAISAL = 'appraisal',
  STANDING_BODY = 'standing_body',
  ADVISORY_COUNCIL = 'advisory_council',
  PRESIDENT = 'president',
  GRANTED = 'granted',
  RELEASED = 'released',
  CORRECTION = 'correction',
  NOT_PUT_FORWARD = 'not_put_forward',
  CAMP_INELIGIBLE = 'camp_ineligible',
  COUNCIL_INELIGIBLE = 'council_ineligible',
  NOT_GRANTED = 'not_granted',
  REMOVED = 'removed',
  WITHDRAWN = 'withdrawn',
  // Luật Đặc xá 2018, Điều 36, khoản 3; Điều 37: a person left off the eligible list complains.
  COMPLAINT_FIRST = 'complaint_first',
  COMPLAINT_REJECTED = 'complaint_rejected',
  COMPLAINT_SECOND = 'complaint_second',
  COMPLAINT_DISMISSED = 'complaint_dismissed',
  // Luật Đặc xá 2018, Điều 15, khoản 3–5: a person on suspension is listed by the court that suspended the sentence.
  COURT_REVIEW = 'court_review',
  COURT_POSTED = 'court_posted',
  COURT_INELIGIBLE = 'court_ineligible',
  // Luật Đặc xá 2018, Điều 20, khoản 2, điểm a: the amnestied person presented the certificate to the commune or unit.
  PRESENTED = 'presented',
}

export const STAGE_LABELS: Record<Stage, string> = {
  [Stage.APPLICATION]: 'Đơn đề nghị đặc xá',
  [Stage.TEAM_BALLOT]: 'Họp đội, bỏ phiếu kín',
  [Stage.CAMP_COUNCIL]: 'Hội đồng xét đề nghị đặc xá của trại',
  [Stage.WARDEN]: 'Chờ Giám thị quyết định',
  [Stage.POSTED]: 'Đã niêm yết danh sách',
  [Stage.DEPARTMENT]: 'Cơ quan quản lý tổng hợp',
  [Stage.MINISTRY]: 'Bộ trưởng',
  [Stage.APPRAISAL]: 'Tổ thẩm định liên ngành',
  [Stage.STANDING_BODY]: 'Thường trực Hội đồng tư vấn đặc xá',
  [Stage.ADVISORY_COUNCIL]: 'Hội đồng tư vấn đặc xá',
  [Stage.PRESIDENT]: 'Trình Chủ tịch nước',
  [Stage.GRANTED]: 'Được đặc xá',
  [Stage.RELEASED]: 'Đã tha, cấp Giấy chứng nhận đặc xá',
  [Stage.CORRECTION]: 'Trả về trại để bổ sung, sửa chữa',
  [Stage.NOT_PUT_FORWARD]: 'Không được đội giới thiệu',
  [Stage.CAMP_INELIGIBLE]: 'Không đủ điều kiện (Hội đồng trại)',
  [Stage.COUNCIL_INELIGIBLE]: 'Không đủ điều kiện (Hội đồng tư vấn đặc xá)',
  [Stage.NOT_GRANTED]: 'Không được đặc xá',
  [Stage.REMOVED]: 'Đưa ra khỏi danh sách',
  [Stage.WITHDRAWN]: 'Rút đơn',
  [Stage.COMPLAINT_FIRST]: 'Khiếu nại lần đầu, chờ Thủ trưởng cơ sở giam giữ hoặc Chánh án Tòa án giải quyết',
  [Stage.COMPLAINT_REJECTED]: 'Khiếu nại lần đầu không được chấp nhận',
  [Stage.COMPLAINT_SECOND]: 'Khiếu nại lần hai, chờ Bộ trưởng hoặc Chánh án Tòa án nhân dân tối cao giải quyết',
  [Stage.COMPLAINT_DISMISSED]: 'Khiếu nại không được chấp nhận (danh sách không đủ điều kiện)',
  [Stage.COURT_REVIEW]: 'Tòa án đề xuất, chờ Chánh án quyết định',
  [Stage.COURT_POSTED]: 'Tòa án đã niêm yết danh sách',
  [Stage.COURT_INELIGIBLE]: 'Không đủ điều kiện (Tòa án)',
  [Stage.PRESENTED]: 'Đã xuất trình Giấy chứng nhận đặc xá tại địa phương, đơn vị',
};

// Not put forward, ineligible at the camp and a first complaint rejected stay open only to a complaint
// (Luật Đặc xá 2018, Điều 36, khoản 3; Điều 37) or, where the round allows it, to the camp council's reconsideration:
// the table lets nothing else leave them. A released person stays open to the record of the certificate's presentation.
export const TERMINAL_STAGES: ReadonlySet<Stage> = new Set([
  Stage.PRESENTED,
  Stage.COMPLAINT_DISMISSED,
  Stage.COUNCIL_INELIGIBLE,
  Stage.NOT_GRANTED,
  Stage.REMOVED,
  Stage.WITHDRAWN,
]);

// Stages above the camp: a unit there may send a dossier back to the camp or remove it from the list.
export const UPPER_STAGES: readonly Stage[] = [
  Stage.DEPARTMENT,
  Stage.MINISTRY,
  Stage.APPRAISAL,
  Stage.STANDING_BODY,
  Stage.ADVISORY_COUNCIL,
];

// Stages at which a list is consolidated and sent one hop up; the order is the order of the chain.
export const FORWARD_CHAIN: readonly Stage[] = [
  Stage.POSTED,
  Stage.DEPARTMENT,
  Stage.MINISTRY,
  Stage.APPRAISAL,
  Stage.STANDING_BODY,
  Stage.ADVISORY_COUNCIL,
  Stage.PRESIDENT,
];

// Where a person left off the eligible list may complain from (Luật Đặc xá 2018, Điều 36, khoản 1 and 3): a camp's
// (not put forward by the team, or found ineligible by the camp council) or a court's (left off by its president).
export const LEFT_OFF_STAGES: readonly Stage[] = [Stage.NOT_PUT_FORWARD, Stage.CAMP_INELIGIBLE];
export const COURT_LEFT_OFF_STAGES: readonly Stage[] = [Stage.COURT_INELIGIBLE];

export const COMPLAINT_STAGES: readonly Stage[] = [
  Stage.COMPLAINT_FIRST,
  Stage.COMPLAINT_REJECTED,
  Stage.COMPLAINT_SECOND,
  Stage.COMPLAINT_DISMISSED,
];

// The courts' route for persons on suspension (Luật Đặc xá 2018, Điều 15, khoản 3–5).
export const COURT_STAGES: readonly Stage[] = [Stage.COURT_REVIEW, Stage.COURT_POSTED, Stage.COURT_INELIGIBLE];

const STAGES: ReadonlySet<string> = new Set(Object.values(Stage));

// Asked once per dossier of a list's hop: a set, not a scan of the enum's values.
export function isStage(value: string): value is Stage {
  return STAGES.has(value);
}
