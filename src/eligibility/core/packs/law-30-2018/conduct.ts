import { conductQuartersRule, conductSinceLastQuarterRule } from '../shared/conduct.js';
import { decree52, law, LAW_86_2025 } from './citations.js';

export const conductRule = conductQuartersRule({
  id: 'R-COND-A',
  title: 'Chấp hành tốt, được xếp loại Khá hoặc Tốt',
  citation: law(11, 1, 'a', 'Có nhiều tiến bộ, có ý thức cải tạo tốt, được xếp loại chấp hành án phạt tù khá hoặc tốt'),
  alsoCites: [
    {
      instrument: LAW_86_2025,
      article: 2,
      clause: 2,
      point: 'b',
      text: 'Sửa đổi điều kiện về kết quả xếp loại chấp hành án (số quý liên tục do Quyết định về đặc xá quy định)',
    },
    decree52(4, 1, undefined, 'Các quý đủ thời gian xếp loại đều đạt Khá hoặc Tốt'),
  ],
});

export const conductLatestRule = conductSinceLastQuarterRule({
  id: 'R-COND-A-LATEST',
  title: 'Đánh giá chấp hành án sau quý xếp loại cuối',
  citation: law(11, 1, 'a', 'Được xếp loại chấp hành án phạt tù khá hoặc tốt'),
  alsoCites: [
    {
      instrument: 'Hướng dẫn số 94/HD-HĐTVĐX',
      section: 'II',
      text: 'Giai đoạn từ sau quý cuối đến ngày họp Hội đồng xét đề nghị đặc xá phải được đánh giá Khá, Tốt',
    },
  ],
});
