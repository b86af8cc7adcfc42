import { COURT_OPERATION_TEXTS } from './court-schemas.js';
import { AFTER_DECISION_TEXTS } from './after-decision-schemas.js';
import { CERTIFICATE_BATCH_TEXTS } from './certificate-batch-schemas.js';

// Every operation's summary (Vietnamese, as users name the task) and description (English, for integrators), by
// operation id. The API description refuses to build when an operation has none, so a new endpoint cannot ship
// undocumented.
export const OPERATION_TEXTS: Record<string, [summary: string, description: string]> = {
  HealthController_live: ['Tiến trình còn sống', 'Liveness: the process answers HTTP; reads nothing else.'],
  HealthController_ready: [
    'Sẵn sàng nhận yêu cầu',
    'Readiness: database with every migration applied, job queue, writable storage and Chromium; 503 while any is ' +
      'down or once shutdown has begun. No versions are disclosed.',
  ],
  AuthController_login: [
    'Đăng nhập',
    'Opens a session: returns a bearer token and sets the `sid` cookie. Repeated failures are throttled per account ' +
      'and per client address: 429 (LOGIN_DELAYED, LOGIN_LOCKED) with `Retry-After`, the attempt not checked.',
  ],
  AuthController_logout: ['Đăng xuất', 'Ends the current session.'],
  AuthController_me: ['Người dùng hiện tại', 'The signed-in user with role, unit and scope path.'],
  AuditController_verify: [
    'Kiểm tra chuỗi nhật ký',
    'Walks the hash-chained audit log, checks it against the checkpoints signed outside the database and every ' +
      'protected row and dossier against the hashes the chain commits to; names the first break and counts every kind.',
  ],
  AuditController_checkpointInfo: [
    'Khóa ký và điểm kiểm tra mới nhất',
    'The Ed25519 key that signs the audit checkpoints (compare it with the one published for this installation) and ' +
      'the latest signed checkpoint.',
  ],
  DossierController_create: ['Nhập một hồ sơ', 'Imports one dossier in the exchange format (docs/dossier-format.md).'],
  DossierController_batch: [
    'Nhập nhiều hồ sơ',
    'Imports many dossiers, all or nothing; errors name each record and field (records[3].person.fullName).',
  ],
  DossierController_list: ['Danh sách hồ sơ', 'Candidates visible to the caller, with the latest engine verdict.'],
  DossierController_get: ['Xem hồ sơ', 'One dossier with its stage, version and exchange-format document.'],
  DossierController_export: ['Xuất hồ sơ', 'The dossier in the exchange format.'],
  DossierController_update: [
    'Sửa hồ sơ',
    'Replaces a dossier; `expectedVersion` must be the version read (409 STALE_VERSION otherwise).',
  ],
  DossierController_exportRound: [
    'Xuất hồ sơ của đợt',
    'Every dossier of a round visible to the caller, in the exchange format.',
  ],
  OrgController_units: ['Danh sách đơn vị', 'The organisation units visible to the caller.'],
  OrgController_createUnit: ['Tạo đơn vị', 'Adds an organisation unit under its parent (administrators).'],
  OrgController_users: ['Danh sách tài khoản', 'Every account with its unit (administrators).'],
  OrgController_createUser: ['Tạo tài khoản', 'Adds an account (administrators).'],
  OrgController_updateUser: [
    'Sửa tài khoản',
    'Changes role, unit, activity or password of an account; `expectedVersion` guards against lost updates.',
  ],
  RoundController_list: ['Danh sách đợt đặc xá', 'Every round with its decision and status.'],
  RoundController_presets: ['Mẫu tham số đợt', 'Parameter presets of known rounds, which an evaluation may name.'],
  RoundController_get: ['Xem đợt đặc xá', 'One round with its parameters, deadlines and open parameter issues.'],
  RoundController_create: ['Tạo đợt đặc xá', 'Creates a round from a preset or explicit parameters (administrators).'],
  RoundController_update: ['Sửa đợt đặc xá', 'Changes a round’s parameters; `expectedVersion` guards lost updates.'],
  EligibilityController_evaluate: [
    'Xét thử điều kiện',
    'Evaluates a dossier in the exchange format against a round (stored, by code or id, a preset, or explicit ' +
      'parameters), optionally at a camp council meeting date; nothing is stored.',
  ],
  EligibilityController_latest: [
    'Kết quả xét điều kiện',
    'The latest stored evaluation of a dossier, with every rule, reason and citation.',
  ],
  EligibilityController_screen: [
    'Rà soát cả đợt',
    'Screens every dossier of a round within the caller’s scope in the background; poll GET /api/screenings/{id}.',
  ],
  EligibilityController_status: [
    'Tiến độ rà soát',
    'Progress of a screening; a FAILED one carries `errorCode` and a Vietnamese `error`.',
  ],
  DossierEventController_fire: [
    'Chuyển bước hồ sơ',
    'One named workflow event on one dossier (submit for ballot, send back, resubmit, withdraw, remove).',
  ],
  DossierEventController_history: ['Lịch sử hồ sơ', 'Every workflow transition of a dossier, oldest first.'],
  BallotController_record: [
    'Ghi biên bản bỏ phiếu',
    'Records a team meeting’s secret ballot; the arithmetic is checked and only names above the threshold go on.',
  ],
  BallotController_submit: [
    'Đưa các đơn ra họp đội',
    'Puts many applications filed in the window to the team meeting in one transaction; any refusal (scope, stale version, an application outside the window) refuses them all, named on its row.',
  ],
  BallotController_get: ['Xem biên bản bỏ phiếu', 'One team meeting with its tallies (no voter is recorded).'],
  CampController_candidates: [
    'Hồ sơ chờ Hội đồng trại',
    'Dossiers awaiting the camp council in a round, with the engine’s verdict beside each.',
  ],
  CampController_decide: [
    'Ghi quyết định Hội đồng trại',
    'The camp council’s decisions; a departure from the engine needs a written reason.',
  ],
  CampController_post: [
    'Niêm yết danh sách của trại',
    'The warden approves and posts the camp’s eligible and ineligible lists (frozen snapshots).',
  ],
  CampController_submit: ['Gửi danh sách lên cấp trên', 'Sends a posted camp list to the managing department.'],
  ListController_index: ['Danh sách các danh sách', 'Lists the caller’s unit holds, optionally for one round.'],
  ListController_pending: [
    'Hồ sơ chờ chuyển tiếp',
    'What the caller would forward one hop up, with a token that pins exactly these names.',
  ],
  ListController_forward: [
    'Tổng hợp và chuyển tiếp',
    'Consolidates the pending names into a new list one hop up; the token must still match (409 otherwise). ' +
      'The department and the ministry may send only the dossiers named in `dossierIds`; the rest stay pending.',
  ],
  ListController_get: ['Xem danh sách', 'One list snapshot with its entries.'],
  ListController_lineage: ['Nguồn gốc danh sách', 'Where each name of a list came from, back to the team ballot.'],
  ListController_reconciliation: [
    'Đối chiếu danh sách',
    'Names in versus names forwarded, removed, sent back and pending; says whether the list balances.',
  ],
  AppraisalController_open: [
    'Mở hồ sơ thẩm định',
    'A dossier under inter-agency appraisal with its pinned version, flags and opinions.',
  ],
  AppraisalController_flag: ['Nêu vướng mắc', 'An appraiser flags a problem on a dossier.'],
  AppraisalController_opinion: ['Ghi ý kiến thẩm định', 'An appraiser records their agency’s opinion.'],
  AppraisalController_opinions: [
    'Ghi ý kiến thẩm định cho cả danh sách',
    'An appraiser gives their agency’s opinion on many dossiers in one transaction ("agree with all except …"): an ' +
      'opinion other than agreement needs a note of at least 5 characters; errors name their row ' +
      '(`opinions[i].…`), an opinion changed since read answers 409 and nothing is written. One audit row per dossier.',
  ],
  AppraisalController_resolve: ['Giải quyết vướng mắc', 'The standing body resolves a flag.'],
  AppraisalController_report: [
    'Lập báo cáo giải trình',
    'The standing body’s explanatory report on resolved flags, frozen with a content hash.',
  ],
  AppraisalController_getReport: ['Xem báo cáo giải trình', 'One explanatory report.'],
  DecisionController_pending: ['Danh sách chờ Hội đồng', 'What awaits the Advisory Council in a round, with a token.'],
  DecisionController_lists: [
    'Ghi kết luận Hội đồng',
    'The Advisory Council’s lists: eligible names go to the President, ineligible ones with a reason.',
  ],
  DecisionController_record: [
    'Ghi Quyết định của Chủ tịch nước',
    'Records the President’s decision on a council list; certificates are issued for the granted names.',
  ],
  DecisionController_certificates: [
    'Giấy chứng nhận đặc xá',
    'Certificates the caller’s unit is to hand over: the warden’s camp, or the court president’s persons on suspension (Luật Đặc xá 2018, Điều 18, khoản 3).',
  ],
  DecisionController_release: [
    'Ghi nhận tha tù',
    'Records the release of a granted person on a date and issues the certificate: the camp head, or the court president for a person on suspension.',
  ],
  DecisionController_releaseMany: [
    'Ghi nhận tha tù cho nhiều người',
    'Records the release on one date of many granted persons and issues their certificates in one transaction; any refusal (scope, stale version, a person not granted) refuses them all, named on its row.',
  ],
  WorkQueueController_get: [
    'Việc cần làm',
    'The caller’s work queue: counts, waiting, overdue and sent-back items, the complaints awaiting its decision and, ' +
      'for the roles that record or follow certificate presentations, the released persons past their report-by day ' +
      '(Luật Đặc xá 2018, Điều 20, khoản 2, điểm a).',
  ],
  DocumentsController_create: [
    'Yêu cầu lập văn bản',
    'Freezes the source data and queues the PDF; poll GET /api/documents/jobs/{id}.',
  ],
  DocumentsController_verify: [
    'Kiểm tra văn bản PDF',
    'Upload a PDF: says whether it is a document this service issued (the stored signed file, or the unsigned render of its snapshot), and checks its PAdES signature: signed by, valid, unchanged since signing.',
  ],
  DocumentsController_job: [
    'Tiến độ lập văn bản',
    'Progress of a document job; a failed one carries `errorCode` and a Vietnamese `error`.',
  ],
  DocumentsController_get: ['Thông tin văn bản', 'A document’s metadata, hashes and page count.'],
  DocumentsController_file: ['Tải tệp PDF', 'The PDF file of a rendered document.'],
  SimulationController_create: [
    'Mô phỏng dự thảo tham số',
    'Saves a draft of a round’s parameters (changes by parameter path) and simulates it in the background over the ' +
      'dossiers of the caller’s facilities; poll GET /api/simulations/{id}/progress. No stored result is touched.',
  ],
  SimulationController_list: ['Danh sách bản mô phỏng', 'The simulations the caller may see, newest first.'],
  SimulationController_compare: [
    'So sánh hai bản mô phỏng',
    'Two finished simulations side by side, with the parameters in which their drafts differ.',
  ],
  SimulationController_get: ['Xem bản mô phỏng', 'One simulation with its base and draft parameters and its figures.'],
  SimulationController_progress: ['Tiến độ mô phỏng', 'Progress of a simulation run.'],
  SimulationController_changes: [
    'Người thay đổi kết quả',
    'The people whose verdict the draft changes, a page at a time; people outside the caller’s dossier scope are ' +
      'counted, not named.',
  ],
  SimulationController_changesCsv: ['Xuất danh sách thay đổi (CSV)', 'Every changed verdict as UTF-8 CSV with a BOM.'],
  SimulationController_figures: ['Xuất số liệu (Excel)', 'The figures and breakdowns as an Excel workbook.'],
  SimulationController_adopt: [
    'Áp dụng dự thảo cho đợt',
    'Makes the draft the round’s parameters (a new round version); 409 ROUND_CHANGED if the round moved on since.',
  ],
  SimulationController_remove: ['Xóa bản mô phỏng', 'Deletes a simulation that is not running.'],
  DossierSpreadsheetController_template: [
    'Tải mẫu Excel nhập hồ sơ',
    'The empty import workbook (.xlsx): Vietnamese headers from the nomination form, drop-downs on coded columns, a ' +
      'guide sheet; one sheet per repeating part keyed by the dossier’s STT (docs/spreadsheets.md).',
  ],
  DossierSpreadsheetController_preview: [
    'Tải lên tệp Excel để xem trước',
    'Reads a filled workbook (multipart field `file`) and checks every row with the exchange format’s DTOs and the ' +
      'dossier service, as POST /api/dossiers does. Any problem: 400 VALIDATION_FAILED with each error’s sheet, row, ' +
      'column and header, nothing stored. Otherwise 201 with the preview; commit its `id` to create the dossiers.',
  ],
  DossierSpreadsheetController_getImport: ['Xem trước tệp đã tải lên', 'A previewed upload of the caller.'],
  DossierSpreadsheetController_commit: [
    'Xác nhận nhập hồ sơ từ tệp Excel',
    'Creates every dossier of a previewed upload in one transaction; a check failing since the preview answers 400 ' +
      'at its cell and writes nothing; a second commit is 409 IMPORT_ALREADY_COMMITTED.',
  ],
  DossierSpreadsheetController_exportXlsx: [
    'Tải danh sách hồ sơ (Excel)',
    'The dossier list for the same filters as GET /api/dossiers (without paging), one row per person, streamed.',
  ],
  DossierSpreadsheetController_exportCsv: [
    'Tải danh sách hồ sơ (CSV)',
    'The same list as CSV, UTF-8 with a byte-order mark, streamed.',
  ],
  DossierSpreadsheetController_exportWorkbook: [
    'Tải hồ sơ đầy đủ (Excel theo mẫu nhập)',
    'Every dossier the filters select, in full, as the import workbook: re-importable without loss. Streamed.',
  ],
  DossierSpreadsheetController_exportListXlsx: [
    'Tải danh sách đã chốt (Excel)',
    'A frozen list, one row per person at the dossier version it pinned, in its order.',
  ],
  DossierSpreadsheetController_exportListCsv: [
    'Tải danh sách đã chốt (CSV)',
    'A frozen list as CSV, UTF-8 with a byte-order mark.',
  ],
  DossierSpreadsheetController_exportListWorkbook: [
    'Tải hồ sơ của danh sách đã chốt (Excel theo mẫu nhập)',
    'The dossiers of a frozen list in full at their pinned versions, as the import workbook.',
  ],
  PublicVerificationController_show: [
    'Trang xác minh văn bản',
    'The public page a document’s QR code opens (HTML, no account): the document’s kind, number, date and issuer, ' +
      'and whether the printed hash `h` matches. Nothing personal is shown.',
  ],
  PublicVerificationController_upload: [
    'Xác minh tệp PDF trên trang công khai',
    'The same page after uploading a PDF (field `file`): says whether the file is this document, unchanged.',
  ],
  ComplaintController_list: [
    'Danh sách khiếu nại',
    'Complaints of persons left off the eligible list that the caller may read (Luật Đặc xá 2018, Điều 36–37), newest first, each with its deadline.',
  ],
  ComplaintController_get: ['Xem một khiếu nại', 'One complaint with its decision, if any.'],
  ComplaintController_file: [
    'Ghi nhận khiếu nại',
    'A camp officer records a first complaint, or the ministry a second one; for a court’s list the court officer records the first and the court or the Supreme People’s Court the second; each within the round’s period (Điều 36, khoản 1, 3; Điều 37).',
  ],
  ComplaintController_decide: [
    'Giải quyết khiếu nại',
    'The head of the facility or the court president (first level), the ministry or the Supreme People’s Court for the Chief Justice (second level) decides with reasons: accepted carries the name onto the eligible list where the list now is; rejected keeps it off (Điều 37).',
  ],
  ProcuracyNoticeController_list: [
    'Thông báo gửi Viện kiểm sát',
    'The written notices of the camps’ list results to the competent procuracy (Luật Đặc xá 2018, Điều 15, khoản 5; Điều 30).',
  ],
  ProcuracyNoticeController_record: [
    'Ghi nhận thông báo gửi Viện kiểm sát',
    'The warden records the notice of a posted list to the competent procuracy; the list cannot reach the appraisal team before it.',
  ],
  ForeignMinistryNoticeController_list: [
    'Thông báo gửi Bộ Ngoại giao',
    'The notices to the Ministry of Foreign Affairs of the foreigners on the President’s decision, where the round asks for them (foreigners.notifyForeignMinistry).',
  ],
  ForeignMinistryNoticeController_record: [
    'Ghi nhận thông báo gửi Bộ Ngoại giao',
    'The standing officer records the notice of foreigners on a President’s decision list; refused with the parameter named when the round does not ask for it (no source read requires it).',
  ],
  ...COURT_OPERATION_TEXTS,
  ...AFTER_DECISION_TEXTS,
  ...CERTIFICATE_BATCH_TEXTS,
};
