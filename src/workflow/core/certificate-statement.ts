import { formatIsoVi } from '../../kernel/calendar-date.js';

// What the amnesty certificate (giấy chứng nhận đặc xá) states was granted, by the route the person came through.
// Special amnesty is early release from prison (tha tù trước thời hạn, Luật Đặc xá 2018, Điều 3, khoản 1): a person
// serving in a camp is released on the day the certificate records. A person whose prison sentence is suspended (tạm
// đình chỉ, Điều 11, khoản 2) or postponed (hoãn, Điều 22) is not in prison: the court president's certificate
// (Điều 18, khoản 3, đoạn 4) says the person no longer has to serve the rest of the prison term, never that they are
// set free. The sources hold no official form text for the certificate: the sentences are the service's wording of
// what those articles grant.
export enum CertificateRoute {
  CAMP = 'CAMP',
  SUSPENSION = 'SUSPENSION',
  POSTPONEMENT = 'POSTPONEMENT',
}

export interface CertificateStatement {
  route: CertificateRoute;
  text: string;
  citation: string;
}

// The dossier's inmate status (SERVING, SUSPENDED, POSTPONED) names the route; anything else is a camp's person.
export function certificateRouteOf(status: string | undefined): CertificateRoute {
  if (status === 'SUSPENDED') return CertificateRoute.SUSPENSION;
  if (status === 'POSTPONED') return CertificateRoute.POSTPONEMENT;
  return CertificateRoute.CAMP;
}

const STATEMENTS: Record<CertificateRoute, { text: (day: string) => string; citation: string }> = {
  [CertificateRoute.CAMP]: {
    text: (day) => `Đã được đặc xá tha tù trước thời hạn và được trả tự do kể từ ngày ${day}.`,
    citation: 'Luật Đặc xá 2018, Điều 3, khoản 1; Điều 18, khoản 3',
  },
  [CertificateRoute.SUSPENSION]: {
    text: (day) =>
      `Đã được đặc xá khi đang được tạm đình chỉ chấp hành án phạt tù; không phải chấp hành phần hình phạt tù còn lại kể từ ngày ${day}.`,
    citation: 'Luật Đặc xá 2018, Điều 11, khoản 2; Điều 18, khoản 3, đoạn 4',
  },
  [CertificateRoute.POSTPONEMENT]: {
    text: (day) =>
      `Đã được đặc xá khi đang được hoãn chấp hành án phạt tù; không phải chấp hành phần hình phạt tù còn lại kể từ ngày ${day}.`,
    citation: 'Luật Đặc xá 2018, Điều 22; Điều 18, khoản 3, đoạn 4',
  },
};

// `effectiveOn` is the day the certificate records (ISO): the day of release, or the day the court president issued it.
export function certificateStatement(input: { status: string | undefined; effectiveOn: string }): CertificateStatement {
  const route = certificateRouteOf(input.status);
  const { text, citation } = STATEMENTS[route];
  return { route, text: text(formatIsoVi(input.effectiveOn)), citation };
}
