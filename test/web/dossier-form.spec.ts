import { validateDossierShape } from '../../src/dossiers/dossier-shape.js';
import { documentToForm, formToDocument } from '../../src/web/dossier-form/form-convert.js';
import { buildDossierForm } from '../../src/web/dossier-form/form-view.js';
import { toInputName } from '../../src/web/dossier-form/paths.js';
import { formatDate, formatVnd, parseDisplayDate, parseMoney } from '../../src/web/render/format.js';
import { buildDossier } from '../factories/dossier.factory.js';

const choices = { rounds: [], facilities: [], teams: [] };

describe('how the interface writes and reads dates and money', () => {
  it.each([
    ['2025-08-31', '31/08/2025'],
    ['1985-03-14', '14/03/1985'],
    [null, ''],
  ])('shows %s as "%s"', (iso, shown) => expect(formatDate(iso)).toBe(shown));

  it.each([
    [1_250_000, '1.250.000 ₫'],
    [0, '0 ₫'],
    [999, '999 ₫'],
    [1_000_000_000_000, '1.000.000.000.000 ₫'],
  ])('shows %d VND as "%s"', (amount, shown) => expect(formatVnd(amount)).toBe(shown));

  it('reads what a clerk types and hands anything else on unchanged for validation to name', () => {
    expect(parseDisplayDate('5/7/2025')).toBe('2025-07-05');
    expect(parseDisplayDate('31.12.2024')).toBe('2024-12-31');
    expect(parseDisplayDate('hôm qua')).toBe('hôm qua');
    expect(parseMoney('1.250.000')).toBe(1_250_000);
    expect(parseMoney('1 250 000 ₫')).toBe(1_250_000);
    expect(parseMoney('một triệu')).toBe('một triệu');
  });
});

describe('the nomination form and the exchange format', () => {
  it('names inputs so that Express parses them back into the error paths', () => {
    expect(toInputName('judgments[0].offences[1].sentence.years')).toBe('judgments[0][offences][1][sentence][years]');
    expect(toInputName('person.registeredResidence.commune')).toBe('person[registeredResidence][commune]');
  });

  it('carries a whole dossier through the form and back without losing a field', async () => {
    const original = buildDossier({
      reductions: [
        {
          decisionNumber: '45/QĐ-TA',
          date: '2023-04-20',
          issuer: 'Tòa án nhân dân tỉnh Hà Nam',
          term: { years: 0, months: 6, days: 0 },
        },
      ],
      specialCircumstances: [
        {
          category: 'SERIOUS_ILLNESS' as never,
          details: { diagnosis: 'Ung thư gan', diagnosisCode: 'LATE_STAGE_CANCER', selfCareUnable: true },
          evidence: [
            {
              kind: 'Kết luận giám định y khoa',
              code: 'MEDICAL_ASSESSMENT_CONCLUSION' as never,
              issuer: 'Bệnh viện Bạch Mai',
              issuerLevel: 'CENTRAL' as never,
              readable: true,
            },
          ],
        },
        {
          category: 'FREQUENT_ILLNESS' as never,
          // A list has no input of its own: it travels in the box of other details, as JSON.
          details: { hospitalStays: [{ facility: 'HOSPITAL', from: '2024-01-02', to: '2024-02-15' }] },
          evidence: [
            {
              kind: 'Kết luận giám định y khoa',
              issuer: 'Bệnh viện Bạch Mai',
              issuerLevel: 'CENTRAL' as never,
              readable: true,
            },
          ],
        },
      ],
    });
    const back = formToDocument(documentToForm(original));
    expect(back).toEqual(JSON.parse(JSON.stringify(original)));
    expect(await validateDossierShape(back)).toEqual([]);
  });

  it('refuses a details key or a code outside the closed lists, naming the field', async () => {
    const doc = buildDossier({
      specialCircumstances: [
        { category: 'SERIOUS_ILLNESS' as never, details: { ward: 'B3', diagnosisCode: 'UNG_THU' }, evidence: [] },
      ],
    });
    const errors = await validateDossierShape(doc as unknown as Record<string, unknown>);
    expect(errors.map((e) => e.path).sort()).toEqual([
      'specialCircumstances[0].details.diagnosisCode',
      'specialCircumstances[0].details.ward',
    ]);
    expect(errors.find((e) => e.path.endsWith('diagnosisCode'))!.message).toContain('LATE_STAGE_CANCER');
  });

  it('reports a wrong date beside its field in the clerk’s terms, and a blank required field as missing', async () => {
    const values = documentToForm(buildDossier()) as Record<string, any>;
    values.person.birthDate = '31/02/1985';
    values.judgments[0].court = '';
    const errors = await validateDossierShape(formToDocument(values));
    const form = buildDossierForm(values, errors, choices);
    const person = form.sections[1].fields.find((f) => f.path === 'person.birthDate')!;
    expect(person.error).toBe('Ngày sinh không hợp lệ: nhập dd/mm/yyyy hoặc chỉ năm sinh yyyy.');
    const court = form.groups[0].items[0].fields.find((f) => f.path === 'judgments[0].court')!;
    expect(court.error).toBe('Chưa nhập thông tin này.');
    expect(form.summary.map((s) => s.where)).toEqual(['Lý lịch › Ngày sinh', 'Bản án 1 › Tòa án xét xử']);
  });

  it('treats blank months and days of a fixed sentence as zero', () => {
    const values = documentToForm(buildDossier()) as Record<string, any>;
    values.aggregateSentence = { kind: 'FIXED', years: '7', months: '', days: '' };
    expect(formToDocument(values).aggregateSentence).toEqual({ kind: 'FIXED', years: 7, months: 0, days: 0 });
  });
});
