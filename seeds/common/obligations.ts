import {
  CreditorKind,
  EnforcementDecisionKind,
  ObligationKind,
  ObligationStatus,
} from '../../src/dossiers/dossier-format.js';
import type { EnforcementDecision, Obligation } from '../../src/dossiers/dossier-format.js';
import { addDays } from './dates.js';
import { OFFENCES } from './data/offences.js';
import type { Catalogue } from './data/offences.js';
import { COMMUNE_NAMES, districtLabel, provinceLabel } from './data/places.js';
import type { Rng } from './prng.js';

// How the civil side of the judgment stands: most have paid; the rest are the cases the law treats differently.
export type CivilPlan =
  | 'PAID'
  | 'PARTIAL_HARDSHIP'
  | 'PARTIAL_WITHOUT_DECISION'
  | 'CREDITOR_WAIVER'
  | 'TERMINATED'
  | 'FINE_UNPAID'
  | 'FINE_EXEMPTED'
  | 'CORRUPTION_PARTIAL';

export interface ObligationOptions {
  articles: number[];
  judgmentDate: string;
  province: string;
  plan: CivilPlan;
  victimName: string;
  catalogue?: Catalogue;
  // Nothing can be paid or decided after the dossier is put together.
  notAfter: string;
}

const PRIMARY_COURT_FEE = 200_000;

function enforcementAgency(rng: Rng, province: string): string {
  const district = districtLabel((l) => rng.pick(l), province);
  return district ? `Chi cục Thi hành án dân sự ${district}` : `Cục Thi hành án dân sự ${provinceLabel(province)}`;
}

function receipt(rng: Rng, date: string, province: string): EnforcementDecision {
  return {
    kind: EnforcementDecisionKind.RECEIPT,
    number: `AA/${date.slice(0, 4)}/${String(rng.int(1, 99999)).padStart(7, '0')}`,
    date,
    issuer: enforcementAgency(rng, province),
  };
}

function roundVnd(amount: number): number {
  return Math.round(amount / 100_000) * 100_000;
}

export function buildObligations(rng: Rng, o: ObligationOptions): Obligation[] {
  const paidOn = (min: number, max: number) => {
    const date = addDays(o.judgmentDate, rng.int(min, max));
    return date < o.notAfter ? date : addDays(o.notAfter, -rng.int(1, 10));
  };
  const templates = o.articles.map((a) => (o.catalogue ?? OFFENCES)[a]);
  const out: Obligation[] = [];
  const damagesDue = templates.some((t) => t.damages) ? roundVnd(rng.int(5_000_000, 180_000_000)) : 0;
  const civilFee = damagesDue > 0 ? roundVnd(Math.max(300_000, damagesDue * 0.05)) : 0;
  const fee = PRIMARY_COURT_FEE + civilFee;
  out.push({
    kind: ObligationKind.COURT_FEE,
    creditor: CreditorKind.STATE,
    amountDue: fee,
    amountPaid: fee,
    status: ObligationStatus.PAID,
    decisions: [receipt(rng, paidOn(40, 400), o.province)],
  });

  const fineRange = templates.find((t) => t.fine)?.fine;
  if (fineRange && (rng.chance(0.6) || o.plan === 'FINE_UNPAID' || o.plan === 'FINE_EXEMPTED')) {
    const due = roundVnd(rng.int(fineRange[0], fineRange[1]));
    if (o.plan === 'FINE_UNPAID') {
      out.push({
        kind: ObligationKind.FINE,
        creditor: CreditorKind.STATE,
        amountDue: due,
        amountPaid: 0,
        status: ObligationStatus.UNPAID,
        decisions: [],
      });
    } else if (o.plan === 'FINE_EXEMPTED') {
      out.push({
        kind: ObligationKind.FINE,
        creditor: CreditorKind.STATE,
        amountDue: due,
        amountPaid: 0,
        status: ObligationStatus.EXEMPTED,
        decisions: [
          {
            kind: EnforcementDecisionKind.EXEMPTION,
            number: `${rng.int(5, 300)}/${o.judgmentDate.slice(0, 4)}/QĐ-MGTHA`,
            date: paidOn(400, 900),
            issuer: `Tòa án nhân dân ${provinceLabel(o.province)}`,
          },
        ],
      });
    } else {
      out.push({
        kind: ObligationKind.FINE,
        creditor: CreditorKind.STATE,
        amountDue: due,
        amountPaid: due,
        status: ObligationStatus.PAID,
        decisions: [receipt(rng, paidOn(60, 500), o.province)],
      });
    }
  }

  if (templates.some((t) => t.corruption)) {
    const due = roundVnd(rng.int(200_000_000, 4_000_000_000));
    const partial = o.plan === 'CORRUPTION_PARTIAL';
    const paid = partial ? roundVnd(due * 0.4) : due;
    out.push({
      kind: ObligationKind.RESTITUTION,
      creditor: CreditorKind.STATE,
      amountDue: due,
      amountPaid: paid,
      status: partial ? ObligationStatus.PARTIAL : ObligationStatus.PAID,
      decisions: [receipt(rng, paidOn(30, 700), o.province)],
    });
    return out;
  }

  if (damagesDue > 0) out.push(compensation(rng, o, damagesDue, paidOn));
  return out;
}

function compensation(
  rng: Rng,
  o: ObligationOptions,
  due: number,
  paidOn: (min: number, max: number) => string,
): Obligation {
  const kind = rng.chance(0.5) ? ObligationKind.COMPENSATION : ObligationKind.RESTITUTION;
  const base = { kind, creditor: CreditorKind.NON_STATE, amountDue: due };
  switch (o.plan) {
    case 'PARTIAL_HARDSHIP':
      return {
        ...base,
        amountPaid: roundVnd(due * 0.3),
        status: ObligationStatus.PARTIAL,
        decisions: [
          receipt(rng, paidOn(60, 400), o.province),
          {
            kind: EnforcementDecisionKind.NOT_YET_ENFORCEABLE,
            number: `${rng.int(10, 900)}/QĐ-CCTHADS`,
            date: paidOn(500, 1200),
            issuer: enforcementAgency(rng, o.province),
          },
        ],
      };
    case 'PARTIAL_WITHOUT_DECISION':
      return {
        ...base,
        amountPaid: roundVnd(due * 0.25),
        status: ObligationStatus.PARTIAL,
        decisions: [receipt(rng, paidOn(60, 400), o.province)],
      };
    case 'CREDITOR_WAIVER':
      return {
        ...base,
        amountPaid: 0,
        status: ObligationStatus.WAIVED,
        decisions: [
          {
            kind: EnforcementDecisionKind.CREDITOR_WAIVER,
            date: paidOn(90, 700),
            issuer: `${o.victimName} (người được thi hành án), có xác nhận của UBND ${rng.chance(0.5) ? 'xã' : 'phường'} ${rng.pick(COMMUNE_NAMES)}`,
          },
        ],
      };
    case 'TERMINATED':
      return {
        ...base,
        amountPaid: roundVnd(due * 0.5),
        status: ObligationStatus.ENFORCEMENT_TERMINATED,
        decisions: [
          {
            kind: EnforcementDecisionKind.TERMINATION,
            number: `${rng.int(10, 900)}/QĐ-CCTHADS`,
            date: paidOn(300, 900),
            issuer: enforcementAgency(rng, o.province),
          },
        ],
      };
    default:
      return {
        ...base,
        amountPaid: due,
        status: ObligationStatus.PAID,
        decisions: [receipt(rng, paidOn(30, 600), o.province)],
      };
  }
}
