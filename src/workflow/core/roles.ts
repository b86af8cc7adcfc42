// Who acts in the pipeline. The auth feature maps its user roles onto these.
export enum WorkflowRole {
  CAMP_CLERK = 'camp_clerk',
  TEAM_OFFICER = 'team_officer',
  CAMP_COUNCIL = 'camp_council',
  WARDEN = 'warden',
  DEPARTMENT_OFFICER = 'department_officer',
  MINISTRY_OFFICER = 'ministry_officer',
  APPRAISER = 'appraiser',
  STANDING_BODY = 'standing_body',
  ADVISORY_COUNCIL = 'advisory_council',
  PRESIDENT_OFFICE = 'president_office',
}

export const ROLE_LABELS: Record<WorkflowRole, string> = {
  [WorkflowRole.CAMP_CLERK]: 'Cán bộ làm hồ sơ của trại',
  [WorkflowRole.TEAM_OFFICER]: 'Cán bộ quản giáo',
  [WorkflowRole.CAMP_COUNCIL]: 'Hội đồng xét đề nghị đặc xá của trại',
  [WorkflowRole.WARDEN]: 'Giám thị',
  [WorkflowRole.DEPARTMENT_OFFICER]: 'Cơ quan quản lý trại',
  [WorkflowRole.MINISTRY_OFFICER]: 'Bộ Công an / Bộ Quốc phòng',
  [WorkflowRole.APPRAISER]: 'Tổ thẩm định liên ngành',
  [WorkflowRole.STANDING_BODY]: 'Thường trực Hội đồng tư vấn đặc xá',
  [WorkflowRole.ADVISORY_COUNCIL]: 'Hội đồng tư vấn đặc xá',
  [WorkflowRole.PRESIDENT_OFFICE]: 'Văn phòng Chủ tịch nước',
};

export function isWorkflowRole(value: string): value is WorkflowRole {
  return (Object.values(WorkflowRole) as string[]).includes(value);
}
