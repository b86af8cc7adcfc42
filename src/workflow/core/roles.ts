import { isWorkflowRole, WorkflowRole } from '../../kernel/roles.js';

// The workflow's roles are the account roles of the kernel (users.role) bar the administrator, so a session's role is
// checked against the transition table without translation.
export { isWorkflowRole, WorkflowRole };

export const ROLE_LABELS: Record<WorkflowRole, string> = {
  [WorkflowRole.TEAM_OFFICER]: 'Cán bộ quản giáo',
  [WorkflowRole.CAMP_COUNCIL_MEMBER]: 'Hội đồng xét đề nghị đặc xá của trại',
  [WorkflowRole.WARDEN]: 'Giám thị',
  [WorkflowRole.DEPARTMENT_OFFICER]: 'Cơ quan quản lý trại',
  [WorkflowRole.MINISTRY_OFFICER]: 'Bộ Công an / Bộ Quốc phòng',
  [WorkflowRole.APPRAISER]: 'Tổ thẩm định liên ngành',
  [WorkflowRole.COUNCIL_STANDING_OFFICER]: 'Thường trực Hội đồng tư vấn đặc xá',
  [WorkflowRole.COUNCIL_MEMBER]: 'Hội đồng tư vấn đặc xá',
  [WorkflowRole.COURT_OFFICER]: 'Cán bộ Tòa án',
  [WorkflowRole.COURT_PRESIDENT]: 'Chánh án Tòa án',
  [WorkflowRole.SUPREME_COURT_OFFICER]: 'Tòa án nhân dân tối cao',
  [WorkflowRole.LOCAL_UNIT_OFFICER]: 'Ủy ban nhân dân cấp xã, đơn vị quân đội',
};
