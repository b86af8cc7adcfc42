import { chunkPlan } from '../../src/documents/pdf/chunking.js';
import { planDocument } from '../../src/documents/kinds/plan-document.js';
import { DocumentTemplates } from '../../src/documents/render/document-templates.js';
import { DocumentKind } from '../../src/documents/view-models/common.js';
import { AppraisalRecordFactory } from './factories/appraisal-record.factory.js';
import { ProposalListFactory } from './factories/list.factory.js';
import { TeamMinutesFactory } from './factories/minutes.factory.js';

describe('document templates', () => {
  const templates = new DocumentTemplates();

  it('throws on a missing field instead of printing a blank', () => {
    const minutes = TeamMinutesFactory.build(1) as unknown as Record<string, unknown>;
    delete (minutes.meeting as Record<string, unknown>).place;
    expect(() => templates.renderBody('team-minutes', { ...minutes, chunk: { first: true, last: true } })).toThrow(
      /place/,
    );
  });

  it('inlines the Tinos faces and escapes the data', () => {
    const minutes = TeamMinutesFactory.build(1);
    minutes.candidates[0].fullName = '<b>Lê Thị Ánh</b>';
    const shell = templates.shell('<t>');
    expect(shell).toContain("font-family:'Tinos'");
    expect(shell).toContain('data:font/woff;base64,');
    expect(shell).toContain('<title>&lt;t&gt;</title>');
    expect(shell).toContain('<main></main>');
    const html = templates.renderBody('team-minutes', { ...minutes, chunk: { first: true, last: true } });
    expect(html).not.toContain('<b>Lê Thị Ánh</b>');
    expect(html).toContain('&lt;b&gt;Lê Thị Ánh&lt;/b&gt;');
  });

  it('cuts a long list into chunks with the title block first and the signatures last', () => {
    const list = ProposalListFactory.build({ facilities: [7, 5] });
    const chunks = chunkPlan(planDocument({ kind: DocumentKind.ELIGIBLE_LIST, data: list }), 5);
    // 12 people and 2 facility headings make 14 lines.
    expect(chunks).toHaveLength(3);
    expect(chunks.map((chunk) => chunk.context.chunk)).toEqual([
      { first: true, last: false },
      { first: false, last: false },
      { first: false, last: true },
    ]);
    const html = chunks.map((chunk) => templates.renderBody(chunk.template, chunk.context));
    expect(html[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(html[1]).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(html[2]).toContain('Nơi nhận:');
    expect(html[0]).not.toContain('Nơi nhận:');
    for (const page of html) expect(page).toContain('Họ và tên (tên gọi khác)');
  });

  it.each([
    ['both lists', 6, 3, 'Đặng Thị Ngữ 4'],
    ['no ineligible name', 6, 0, 'Vũ Quốc Việt'],
    ['one eligible name only', 1, 0, 'Nguyễn Văn Ánh'],
  ])('keeps the appraisal record last rows with its closing (%s)', (_, eligible, ineligible, lastName) => {
    const data = AppraisalRecordFactory.build(eligible, ineligible);
    const [section] = planDocument({ kind: DocumentKind.APPRAISAL_RECORD, data }).sections;
    const html = templates.renderBody(section.template, section.context);
    const kept = html.slice(html.lastIndexOf('<tbody class="keep-with-closing">'));
    expect(html.match(/keep-with-closing/g)).toHaveLength(1);
    expect(kept).toContain(lastName);
    expect(kept).toContain('Nơi nhận:');
    // Both headings, each once, the second before the closing.
    expect(html.match(/I\. Danh sách người đủ điều kiện/g)).toHaveLength(1);
    expect(html.match(/II\. Danh sách người không đủ điều kiện/g)).toHaveLength(1);
    expect(html.indexOf('II. Danh sách')).toBeLessThan(html.indexOf('Nơi nhận:'));
    for (const line of [...data.eligible, ...data.ineligible])
      expect(html.split(`<td>${line.fullName}</td>`)).toHaveLength(2);
  });
});
