// After a POST the browser is redirected with ?msg=<code>; only these fixed sentences can ever be shown, so a crafted
// link cannot put words on an official's screen.
export const FLASH_MESSAGES: Record<string, string> = {
  saved: 'Đã lưu hồ sơ.',
  created: 'Đã lập hồ sơ đề nghị đặc xá.',
  ballot: 'Đã ghi biên bản họp đội và kết quả bỏ phiếu.',
  submitted: 'Đã đưa hồ sơ ra họp đội bình xét.',
  resubmitted: 'Đã gửi lại hồ sơ sau khi bổ sung, sửa chữa.',
  decided: 'Đã ghi quyết định.',
  approved: 'Giám thị đã duyệt danh sách.',
  forwarded: 'Đã chuyển danh sách lên cấp trên.',
  flagged: 'Đã ghi ý kiến thẩm định vào trường đã chọn.',
  opinion: 'Đã ghi ý kiến của cơ quan.',
  opinions: 'Đã ghi ý kiến của cơ quan về các hồ sơ trong danh sách.',
  unchanged: 'Không có thay đổi nào để ghi.',
  resolved: 'Đã giải quyết ý kiến thẩm định.',
  report: 'Đã lập báo cáo giải trình.',
  round: 'Đã lưu đợt đặc xá.',
  user: 'Đã lưu tài khoản.',
  unit: 'Đã lưu đơn vị.',
  loggedOut: 'Bạn đã đăng xuất.',
  adopted: 'Đã áp dụng dự thảo làm tham số của đợt đặc xá (phiên bản mới). Hãy rà soát lại các hồ sơ của đợt.',
  deleted: 'Đã xóa bản mô phỏng.',
  complaintFiled: 'Đã ghi nhận đơn khiếu nại.',
  courtProposed: 'Đã ghi nhận đề xuất của Tòa án.',
  courtListPosted: 'Đã duyệt và niêm yết danh sách của Tòa án.',
  courtListSent: 'Đã gửi danh sách đến Tổ thẩm định liên ngành.',
  complaintDecided: 'Đã ghi quyết định giải quyết khiếu nại.',
  notified: 'Đã ghi nhận việc thông báo cho Viện kiểm sát.',
  sentBack: 'Đã trả hồ sơ về trại để bổ sung, sửa chữa.',
  removed: 'Đã đưa hồ sơ ra khỏi danh sách.',
  withdrawn: 'Đã ghi nhận việc rút đơn.',
  released: 'Đã ghi nhận việc tha tù và cấp Giấy chứng nhận đặc xá.',
  certificateIssued: 'Đã ghi nhận việc cấp Giấy chứng nhận đặc xá.',
  screening: 'Đã bắt đầu rà soát điều kiện; trang tự cập nhật tiến độ.',
  appraisalRecord: 'Đã lập biên bản thẩm định.',
  posted: 'Đã ghi ngày niêm yết Quyết định đặc xá.',
  copySent: 'Đã ghi việc gửi bản sao giấy chứng nhận.',
  presented: 'Đã ghi nhận việc xuất trình giấy chứng nhận.',
};

export function flashMessage(code: unknown): string | undefined {
  return typeof code === 'string' ? FLASH_MESSAGES[code] : undefined;
}
