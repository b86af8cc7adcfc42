import {
  CertificateIssuerKind,
  CopyRecipient,
  issuerFor,
  missingCopies,
  presentationDueDate,
  presentationStatus,
} from './after-decision.js';
import { FacilityKind } from './routing.js';

describe('the certificate’s issuer (Luật Đặc xá 2018, Điều 18, khoản 3)', () => {
  it.each([
    [FacilityKind.MPS_PRISON, CertificateIssuerKind.CAMP_HEAD],
    [FacilityKind.MPS_DETENTION_C01, CertificateIssuerKind.CAMP_HEAD],
    [FacilityKind.MOD_PRISON, CertificateIssuerKind.CAMP_HEAD],
    [FacilityKind.PROVINCIAL_DETENTION, CertificateIssuerKind.PROVINCIAL_THAHS_HEAD],
    [FacilityKind.MILITARY_REGION_CAMP, CertificateIssuerKind.MILITARY_REGION_THAHS_HEAD],
  ])('%s → %s', (facilityKind, kind) => {
    const issuer = issuerFor({ facilityKind });
    expect(issuer.kind).toBe(kind);
    expect(issuer.citation).toMatch(/Điều 18, khoản 3, đoạn \d/);
  });

  it('gives a suspended person’s certificate to the court president', () => {
    expect(issuerFor({ court: true })).toMatchObject({
      kind: CertificateIssuerKind.COURT_PRESIDENT,
      letterhead: 'COURT',
    });
  });
});

describe('copies of the certificate (Điều 18, khoản 4)', () => {
  it('lists what is still to be sent; the civil-enforcement agency only where it decided enforcement not yet possible', () => {
    expect(missingCopies([CopyRecipient.SENTENCING_COURT], false)).toEqual([
      CopyRecipient.CRIMINAL_RECORD_CENTRE,
      CopyRecipient.COMMUNE_OR_UNIT,
    ]);
    expect(
      missingCopies(
        [CopyRecipient.CRIMINAL_RECORD_CENTRE, CopyRecipient.SENTENCING_COURT, CopyRecipient.COMMUNE_OR_UNIT],
        true,
      ),
    ).toEqual([CopyRecipient.CIVIL_ENFORCEMENT_AGENCY]);
  });
});

describe('presenting the certificate (Điều 20, khoản 2, điểm a)', () => {
  it('has a due date only when the round holds a period', () => {
    expect(presentationDueDate('2025-09-01', 10)).toBe('2025-09-11');
    expect(presentationDueDate('2025-09-01', null)).toBeNull();
    expect(presentationDueDate(null, 10)).toBeNull();
  });

  it('counts the days overdue of a person who has not presented', () => {
    expect(presentationStatus({ releasedOn: '2025-09-01', presentedOn: null, days: 10, today: '2025-09-14' })).toEqual({
      dueDate: '2025-09-11',
      overdue: true,
      daysOverdue: 3,
    });
    expect(
      presentationStatus({ releasedOn: '2025-09-01', presentedOn: '2025-09-12', days: 10, today: '2025-09-14' })
        .overdue,
    ).toBe(false);
  });

  it('asks nothing of a foreigner, who has no duty to present (Điều 20, khoản 3)', () => {
    expect(
      presentationStatus({
        releasedOn: '2025-09-01',
        presentedOn: null,
        days: 10,
        today: '2025-09-14',
        foreigner: true,
      }),
    ).toEqual({ dueDate: null, overdue: false, daysOverdue: 0 });
  });
});
