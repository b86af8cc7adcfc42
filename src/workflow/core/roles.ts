// Who acts in the pipeline. The values are the account roles of the auth feature (users.role), so a session's role
// can be checked against the transition table without translation.
export enum WorkflowRole {
  TEAM_OFFICER = 'TEAM_OFFICER',
  CAMP_COUNCIL_MEMBER = 'CAMP_COUNCIL_MEMBER',
  WARDEN = 'WARDEN',
  DEPARTMENT_OFFICER = 'DEPARTMENT_OFFICER',
  MINISTRY_OFFICER = 'MINISTRY_OFFICER',
  APPRAISER = 'APPRAISER',
  COUNCIL_STANDING_OFFICER = 'COUNCIL_STANDING_OFFICER',
  COUNCIL_MEMBER = 'COUNCIL_MEMBER',
}

export const ROLE_LABELS: Record<WorkflowRole, string> = {
  [WorkflowRole.TEAM_OFFICER]: 'Cán bộ quản giáo',
  [WorkflowRole.CAMP_COUNCIL_MEMBER]: 'Hội đồng xét đề nghị đặc xá của trại',
  [WorkflowRole.WARDEN]: 'Giám thị',
  [WorkflowRole.DEPARTMENT_OFFICER]: 'Cơ quan quản lý trại',
  [WorkflowRole.MINISTRY_OFFICER]: 'Bộ Công an / Bộ Quốc phòng',
  [WorkflowRole.APPRAISER]: 'Tổ thẩm định liên ngành',
  [WorkflowRole.COUNCIL_STANDING_OFFICER]: 'Thường trực Hội đồng tư vấn đặc xá',
  [WorkflowRole.COUNCIL_MEMBER]: 'Hội đồng tư vấn đặc xá',
};

export function isWorkflowRole(value: string): value is WorkflowRole {
  return (Object.values(WorkflowRole) as string[]).includes(value);
}
