import { CertificateRoute, certificateRouteOf, certificateStatement } from './certificate-statement.js';

describe('what the amnesty certificate states, by route (Luật Đặc xá 2018, Điều 3, khoản 1; Điều 18, khoản 3)', () => {
  it.each([
    ['SERVING', CertificateRoute.CAMP],
    ['SUSPENDED', CertificateRoute.SUSPENSION],
    ['POSTPONED', CertificateRoute.POSTPONEMENT],
    [undefined, CertificateRoute.CAMP],
  ])('status %s → route %s', (status, route) => {
    expect(certificateRouteOf(status)).toBe(route);
  });

  it('releases a camp’s person from prison on the day recorded', () => {
    const statement = certificateStatement({ status: 'SERVING', effectiveOn: '2025-09-01' });
    expect(statement).toEqual({
      route: CertificateRoute.CAMP,
      text: 'Đã được đặc xá tha tù trước thời hạn và được trả tự do kể từ ngày 01/09/2025.',
      citation: 'Luật Đặc xá 2018, Điều 3, khoản 1; Điều 18, khoản 3',
    });
  });

  it.each([
    ['SUSPENDED', 'tạm đình chỉ chấp hành án phạt tù', 'Điều 11, khoản 2'],
    ['POSTPONED', 'hoãn chấp hành án phạt tù', 'Điều 22'],
  ])('never speaks of release from prison to a person on the courts’ route (%s)', (status, state, article) => {
    const statement = certificateStatement({ status, effectiveOn: '2025-09-02' });
    expect(statement.text).toContain(`khi đang được ${state}`);
    expect(statement.text).toContain('không phải chấp hành phần hình phạt tù còn lại kể từ ngày 02/09/2025');
    expect(statement.text).not.toMatch(/tha tù|trả tự do/);
    expect(statement.citation).toContain(article);
    expect(statement.citation).toContain('Điều 18, khoản 3, đoạn 4');
  });
});
