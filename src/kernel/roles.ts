// The account roles (users.role). One enum for the whole service: the auth feature stores it, the workflow's
// transition table names who may fire each event with it.
export enum Role {
  TEAM_OFFICER = 'TEAM_OFFICER',
  CAMP_COUNCIL_MEMBER = 'CAMP_COUNCIL_MEMBER',
  WARDEN = 'WARDEN',
  DEPARTMENT_OFFICER = 'DEPARTMENT_OFFICER',
  MINISTRY_OFFICER = 'MINISTRY_OFFICER',
  APPRAISER = 'APPRAISER',
  COUNCIL_STANDING_OFFICER = 'COUNCIL_STANDING_OFFICER',
  COUNCIL_MEMBER = 'COUNCIL_MEMBER',
  // A provincial or military-region court: its officer prepares the list of persons on suspension, its president
  // approves it and issues their certificates (Luật Đặc xá 2018, Điều 15, khoản 3; Điều 18, khoản 3).
  COURT_OFFICER = 'COURT_OFFICER',
  COURT_PRESIDENT = 'COURT_PRESIDENT',
  // The Supreme People's Court: decides, for the Chief Justice, the second complaint about a court's list (Luật Đặc xá
  // 2018, Điều 37, khoản 2) and reads the dossiers the provincial and military-region courts hold (Điều 29, khoản 2).
  SUPREME_COURT_OFFICER = 'SUPREME_COURT_OFFICER',
  // The commune's People's Committee (Ủy ban nhân dân cấp xã) or the military unit where an amnestied person must
  // present the certificate: its officer records the presentation (Luật Đặc xá 2018, Điều 20, khoản 2, điểm a).
  LOCAL_UNIT_OFFICER = 'LOCAL_UNIT_OFFICER',
  ADMIN = 'ADMIN',
}

// Who acts in the pipeline: every role but the administrator, who manages accounts and rounds only.
export type WorkflowRole = Exclude<Role, Role.ADMIN>;

export const WorkflowRole = {
  TEAM_OFFICER: Role.TEAM_OFFICER,
  CAMP_COUNCIL_MEMBER: Role.CAMP_COUNCIL_MEMBER,
  WARDEN: Role.WARDEN,
  DEPARTMENT_OFFICER: Role.DEPARTMENT_OFFICER,
  MINISTRY_OFFICER: Role.MINISTRY_OFFICER,
  APPRAISER: Role.APPRAISER,
  COUNCIL_STANDING_OFFICER: Role.COUNCIL_STANDING_OFFICER,
  COUNCIL_MEMBER: Role.COUNCIL_MEMBER,
  COURT_OFFICER: Role.COURT_OFFICER,
  COURT_PRESIDENT: Role.COURT_PRESIDENT,
  SUPREME_COURT_OFFICER: Role.SUPREME_COURT_OFFICER,
  LOCAL_UNIT_OFFICER: Role.LOCAL_UNIT_OFFICER,
} as const satisfies Record<string, WorkflowRole>;

export function isWorkflowRole(value: string): value is WorkflowRole {
  return value !== Role.ADMIN && (Object.values(Role) as string[]).includes(value);
}
