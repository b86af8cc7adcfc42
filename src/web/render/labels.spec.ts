import { listName } from './labels.js';

describe('listName', () => {
  it('names a list by what it is, its unit and its number, never by its internal kind', () => {
    expect(listName('CAMP_ELIGIBLE', 'CAMP_ELIGIBLE-TG-THANH-XUAN-001')).toBe(
      'Danh sách đề nghị đặc xá của trại TG-THANH-XUAN số 001',
    );
    expect(listName('PRESIDENT_DECISION', 'PRESIDENT_DECISION-VPCTN-002')).toBe(
      'Danh sách kèm theo Quyết định đặc xá của Chủ tịch nước VPCTN số 002',
    );
    expect(listName('MINISTRY', 'MINISTRY-003')).toBe('Danh sách tổng hợp của Bộ số 003');
  });

  it('keeps a code it cannot read, so a new kind shows rather than disappears', () => {
    expect(listName('NEW_KIND', 'NEW_KIND-X-001')).toBe('NEW_KIND-X-001');
    expect(listName('CAMP_ELIGIBLE', 'OTHER-001')).toBe('OTHER-001');
    expect(listName('CAMP_ELIGIBLE', null)).toBe('');
  });
});
