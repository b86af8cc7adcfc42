import { formatDate, formatDuration } from '../format/print-format.js';
import { toRoman } from '../format/roman.js';
import { REASON_CODES, isReasonCode } from '../../workflow/core/reason-codes.js';
import type { DocumentHeading, Recipients, Signature } from '../view-models/common.js';
import {
  ListLevel,
  ListVariant,
  type ListFacilityGroup,
  type ListPersonRow,
  type ProposalListViewModel,
} from '../view-models/proposal-list.js';
import { printAddress, printBirthDate, printOffences, printSentence, printSex } from './dossier-print.js';
import type { ListEntryRow } from './list-source.repository.js';

const LEVEL_BY_UNIT_KIND: Record<string, ListLevel> = {
  FACILITY: ListLevel.FACILITY,
  // A court's lists carry its own persons only, printed like one camp's.
  COURT: ListLevel.FACILITY,
  SUB_CAMP: ListLevel.FACILITY,
  DEPARTMENT: ListLevel.DEPARTMENT,
  MINISTRY: ListLevel.MINISTRY,
  NATIONAL_BODY: ListLevel.NATIONAL,
};

export function listLevelOf(unitKind: string): ListLevel {
  return LEVEL_BY_UNIT_KIND[unitKind] ?? ListLevel.NATIONAL;
}

export function isIneligibleListKind(listKind: string): boolean {
  return listKind === 'CAMP_INELIGIBLE' || listKind === 'COUNCIL_INELIGIBLE' || listKind === 'COURT_INELIGIBLE';
}

function reasonOf(entry: ListEntryRow): { reason: string; citation: string } {
  const info = entry.reason_code && isReasonCode(entry.reason_code) ? REASON_CODES[entry.reason_code] : null;
  const reason = [info?.label, entry.reason].filter((part) => part && part.trim()).join(': ');
  return { reason, citation: info?.citation ?? '' };
}

function personRow(entry: ListEntryRow, order: number, variant: ListVariant): ListPersonRow {
  const offences = (entry.judgments ?? []).flatMap((judgment) => judgment.offences ?? []);
  const { reason, citation } = reasonOf(entry);
  return {
    order,
    fullName: entry.person.fullName,
    alias: (entry.person.aliases ?? []).join(', '),
    birthDate: printBirthDate(entry.person.birthDate),
    sex: printSex(entry.person.sex),
    residence: printAddress(entry.person.registeredResidence),
    offence: printOffences(offences),
    sentence: printSentence(entry.sentence),
    custodyStart: entry.custody_start ? formatDate(entry.custody_start) : '',
    served: entry.served ? formatDuration(entry.served) : '',
    category: variant === ListVariant.ELIGIBLE ? (entry.category_label ?? '') : '',
    reason: variant === ListVariant.INELIGIBLE ? reason : (entry.reason ?? ''),
    citation: variant === ListVariant.INELIGIBLE ? citation : '',
  };
}

// Groups the entries by facility in the order facilities first appear, numbering people 1…n across the whole list.
export function buildListViewModel(input: {
  heading: DocumentHeading;
  level: ListLevel;
  variant: ListVariant;
  basis: string;
  entries: ListEntryRow[];
  signatures: Signature[];
  recipients: Recipients | null;
}): ProposalListViewModel {
  const byFacility = new Map<string, { name: string; entries: ListEntryRow[] }>();
  for (const entry of input.entries) {
    const group = byFacility.get(entry.facility_id) ?? { name: entry.facility_name, entries: [] };
    group.entries.push(entry);
    byFacility.set(entry.facility_id, group);
  }
  let order = 0;
  const groups: ListFacilityGroup[] = [...byFacility.values()].map((group, index) => ({
    numeral: toRoman(index + 1),
    facilityName: group.name,
    count: group.entries.length,
    rows: group.entries.map((entry) => personRow(entry, ++order, input.variant)),
  }));
  return {
    heading: input.heading,
    level: input.level,
    variant: input.variant,
    basis: input.basis,
    groups,
    totals: { people: order, facilities: groups.length },
    signatures: input.signatures,
    recipients: input.recipients,
  };
}
