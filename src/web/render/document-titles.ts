import { DocumentKind } from '../../documents/view-models/common.js';

// What each kind of document is called on the pages that make it.
export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  [DocumentKind.TEAM_MINUTES]: 'Biên bản họp bình xét',
  [DocumentKind.COUNCIL_MINUTES]: 'Biên bản họp Hội đồng xét đề nghị đặc xá',
  [DocumentKind.ELIGIBLE_LIST]: 'Danh sách người đủ điều kiện',
  [DocumentKind.INELIGIBLE_LIST]: 'Danh sách người không đủ điều kiện',
  [DocumentKind.PROPOSAL_SHEET]: 'Phiếu đề nghị xét đặc xá',
  [DocumentKind.APPRAISAL_NOTE]: 'Phiếu thẩm định',
  [DocumentKind.EXPLANATORY_REPORT]: 'Báo cáo giải trình',
  [DocumentKind.SUBMISSION]: 'Tờ trình Chủ tịch nước',
  [DocumentKind.CERTIFICATE]: 'Giấy chứng nhận đặc xá',
  [DocumentKind.COMPLAINT_DECISION]: 'Quyết định giải quyết khiếu nại',
  [DocumentKind.PROCURACY_NOTICE]: 'Thông báo gửi Viện kiểm sát',
  [DocumentKind.APPRAISAL_RECORD]: 'Biên bản thẩm định',
  [DocumentKind.CERTIFICATE_BATCH]: 'Giấy chứng nhận đặc xá (cấp theo trại)',
};
