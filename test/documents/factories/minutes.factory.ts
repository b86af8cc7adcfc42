import { formatPercent } from '../../../src/documents/format/print-format.js';
import type {
  CouncilDecisionRow,
  CouncilMinutesViewModel,
} from '../../../src/documents/view-models/council-minutes.js';
import type { TeamMinutesCandidate, TeamMinutesViewModel } from '../../../src/documents/view-models/team-minutes.js';
import { HeadingFactory, SignatureFactory, nameAt } from './common.factory.js';

export const TeamMinutesCandidateFactory = {
  build(index: number, overrides: Partial<TeamMinutesCandidate> = {}): TeamMinutesCandidate {
    const valid = 40;
    const inFavour = 30 + (index % 10);
    return {
      order: index + 1,
      fullName: nameAt(index),
      birthYear: String(1970 + (index % 30)),
      offence: 'Trộm cắp tài sản (Điều 173 Bộ luật Hình sự)',
      sentence: '05 năm tù',
      ballot: { issued: 42, returned: 41, valid, inFavour, percentInFavour: formatPercent(inFavour, valid) },
      officerOpinion: 'Đề nghị đặc xá',
      ...overrides,
    };
  },
};

export const TeamMinutesFactory = {
  build(candidateCount = 3, overrides: Partial<TeamMinutesViewModel> = {}): TeamMinutesViewModel {
    return {
      heading: HeadingFactory.build(),
      meeting: {
        startedAt: '08 giờ 00 phút, ngày 10/07/2025',
        place: 'Hội trường Phân trại số 1, Trại giam Thanh Xuân',
        chair: 'Thiếu tá Trần Văn Hùng, cán bộ quản giáo Đội 3',
        secretary: 'phạm nhân Lê Văn Bình',
      },
      teamName: 'Đội phạm nhân số 3',
      roundName: 'đặc xá năm 2025 (đợt 2)',
      attendance: { total: 42, present: 41, absent: 1, absentNote: 'đang điều trị tại bệnh xá' },
      agenda: [
        'Phổ biến Quyết định số 1244/QĐ-CTN ngày 03/7/2025 của Chủ tịch nước về đặc xá năm 2025 và Hướng dẫn số 94/HD-HĐTVĐX.',
        'Bình xét, bỏ phiếu kín giới thiệu những người có đơn đề nghị đặc xá.',
      ],
      candidates: Array.from({ length: candidateCount }, (_, index) => TeamMinutesCandidateFactory.build(index)),
      conclusion: 'Đội thống nhất giới thiệu những người có tỷ lệ phiếu đồng ý trên 50% số phiếu hợp lệ.',
      closedAt: '11 giờ 30 phút cùng ngày',
      signatures: [
        SignatureFactory.build({ title: 'THƯ KÝ', name: 'Lê Văn Bình', note: '(Ký, ghi rõ họ tên)' }),
        SignatureFactory.build({
          title: 'CÁN BỘ QUẢN GIÁO',
          name: 'Thiếu tá Trần Văn Hùng',
          note: '(Ký, ghi rõ họ tên)',
        }),
      ],
      ...overrides,
    };
  },
};

export const CouncilDecisionFactory = {
  build(index: number, overrides: Partial<CouncilDecisionRow> = {}): CouncilDecisionRow {
    const eligible = index % 4 !== 3;
    return {
      order: index + 1,
      fullName: nameAt(index),
      birthYear: String(1965 + (index % 35)),
      teamName: `Đội ${1 + (index % 6)}`,
      teamBallot: formatPercent(30 + (index % 10), 40),
      decision: eligible ? 'Đủ điều kiện' : 'Không đủ điều kiện',
      reason: eligible ? '' : 'Chưa nộp phạt tiền',
      citation: eligible ? '' : 'Điều 11.1.c',
      ...overrides,
    };
  },
};

export const CouncilMinutesFactory = {
  build(decisionCount = 4, overrides: Partial<CouncilMinutesViewModel> = {}): CouncilMinutesViewModel {
    const decisions = Array.from({ length: decisionCount }, (_, index) => CouncilDecisionFactory.build(index));
    const eligible = decisions.filter((row) => row.decision === 'Đủ điều kiện').length;
    return {
      heading: HeadingFactory.build({
        number: '12/BB-HĐXĐX',
        summary: 'Họp Hội đồng xét đề nghị đặc xá năm 2025 (đợt 2)',
      }),
      meeting: {
        startedAt: '14 giờ 00 phút, ngày 18/07/2025',
        place: 'Phòng họp Ban Giám thị, Trại giam Thanh Xuân',
        chair: 'Đại tá Nguyễn Đức Thắng, Giám thị, Chủ tịch Hội đồng',
        secretary: 'Thiếu tá Phạm Thị Hằng',
      },
      roundName: 'đặc xá năm 2025 (đợt 2)',
      members: [
        { fullName: 'Thượng tá Lê Văn Phúc', role: 'Phó Giám thị, Phó Chủ tịch Hội đồng' },
        { fullName: 'Trung tá Đỗ Thị Nguyệt', role: 'Trưởng Phân trại số 1, Ủy viên' },
      ],
      observers: ['Kiểm sát viên Viện kiểm sát nhân dân thành phố Hà Nội'],
      decisions,
      totals: { reviewed: decisions.length, eligible, ineligible: decisions.length - eligible },
      conclusion: 'Hội đồng thống nhất lập danh sách đề nghị đặc xá theo kết quả trên.',
      closedAt: '17 giờ 00 phút cùng ngày',
      signatures: [
        SignatureFactory.build({ title: 'THƯ KÝ', name: 'Thiếu tá Phạm Thị Hằng' }),
        SignatureFactory.build({ authority: 'TM. HỘI ĐỒNG', title: 'CHỦ TỊCH', name: 'Đại tá Nguyễn Đức Thắng' }),
      ],
      ...overrides,
    };
  },
};
