// Named events that move a dossier. Stored in the history table, so never rename one.
export enum WorkflowEvent {
  SUBMIT_FOR_BALLOT = 'submit_for_ballot',
  PUT_FORWARD = 'put_forward',
  NOT_PUT_FORWARD = 'not_put_forward',
  COUNCIL_ELIGIBLE = 'council_eligible',
  COUNCIL_INELIGIBLE = 'council_ineligible',
  WARDEN_APPROVE = 'warden_approve',
  FORWARD = 'forward',
  COUNCIL_RECOMMEND = 'council_recommend',
  COUNCIL_REJECT = 'council_reject',
  GRANT = 'grant',
  NOT_GRANT = 'not_grant',
  RELEASE = 'release',
  SEND_BACK = 'send_back',
  RESUBMIT = 'resubmit',
  WITHDRAW = 'withdraw',
  REMOVE = 'remove',
  FILE_COMPLAINT = 'file_complaint',
  ACCEPT_COMPLAINT = 'accept_complaint',
  REJECT_COMPLAINT = 'reject_complaint',
  ESCALATE_COMPLAINT = 'escalate_complaint',
  COUNCIL_RECONSIDER = 'council_reconsider',
  RECORD_PRESENTATION = 'record_presentation',
}

export const EVENT_LABELS: Record<WorkflowEvent, string> = {
  [WorkflowEvent.SUBMIT_FOR_BALLOT]: 'Đưa ra họp đội bình xét',
  [WorkflowEvent.PUT_FORWARD]: 'Đội giới thiệu (đạt tỷ lệ phiếu)',
  [WorkflowEvent.NOT_PUT_FORWARD]: 'Đội không giới thiệu',
  [WorkflowEvent.COUNCIL_ELIGIBLE]: 'Hội đồng trại: đủ điều kiện',
  [WorkflowEvent.COUNCIL_INELIGIBLE]: 'Hội đồng trại: không đủ điều kiện',
  [WorkflowEvent.WARDEN_APPROVE]: 'Giám thị duyệt danh sách, niêm yết',
  [WorkflowEvent.FORWARD]: 'Chuyển lên cấp trên',
  [WorkflowEvent.COUNCIL_RECOMMEND]: 'Hội đồng tư vấn: đủ điều kiện, trình Chủ tịch nước',
  [WorkflowEvent.COUNCIL_REJECT]: 'Hội đồng tư vấn: không đủ điều kiện',
  [WorkflowEvent.GRANT]: 'Chủ tịch nước quyết định đặc xá',
  [WorkflowEvent.NOT_GRANT]: 'Không có tên trong Quyết định đặc xá',
  [WorkflowEvent.RELEASE]: 'Tha tù, cấp Giấy chứng nhận đặc xá',
  [WorkflowEvent.SEND_BACK]: 'Trả về trại để bổ sung, sửa chữa',
  [WorkflowEvent.RESUBMIT]: 'Gửi lại sau khi sửa chữa',
  [WorkflowEvent.WITHDRAW]: 'Rút đơn',
  [WorkflowEvent.REMOVE]: 'Đưa ra khỏi danh sách',
  [WorkflowEvent.FILE_COMPLAINT]: 'Ghi nhận đơn khiếu nại',
  [WorkflowEvent.ACCEPT_COMPLAINT]: 'Chấp nhận khiếu nại, bổ sung vào danh sách đủ điều kiện',
  [WorkflowEvent.REJECT_COMPLAINT]: 'Không chấp nhận khiếu nại',
  [WorkflowEvent.ESCALATE_COMPLAINT]: 'Ghi nhận đơn khiếu nại lần hai',
  [WorkflowEvent.COUNCIL_RECONSIDER]: 'Hội đồng trại xem xét lại người đội không giới thiệu',
  [WorkflowEvent.RECORD_PRESENTATION]: 'Ghi nhận việc xuất trình Giấy chứng nhận đặc xá',
};

export function isWorkflowEvent(value: string): value is WorkflowEvent {
  return (Object.values(WorkflowEvent) as string[]).includes(value);
}
