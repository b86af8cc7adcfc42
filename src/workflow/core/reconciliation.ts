import type { ReasonCode } from './reason-codes.js';

// At every hop: names in = forwarded + removed (coded reason) + sent back, and the outgoing list holds exactly the
// forwarded names.
export enum Disposition {
  FORWARDED = 'forwarded',
  REMOVED = 'removed',
  SENT_BACK = 'sent_back',
}

export interface IncomingEntry {
  listId: string;
  dossierId: string;
}

export interface DispositionRecord extends IncomingEntry {
  disposition: Disposition;
  reasonCode?: ReasonCode | null;
}

export interface ReconciliationProblem {
  dossierId: string;
  listId?: string;
  message: string;
}

export interface Reconciliation {
  namesIn: number;
  forwarded: number;
  removed: number;
  sentBack: number;
  pending: number;
  outgoing: number;
  balanced: boolean;
  problems: ReconciliationProblem[];
}

const keyOf = (e: IncomingEntry) => `${e.listId}\u0000${e.dossierId}`;

export function reconcile(input: {
  incoming: readonly IncomingEntry[];
  dispositions: readonly DispositionRecord[];
  outgoingDossierIds: readonly string[];
}): Reconciliation {
  const problems: ReconciliationProblem[] = [];
  const byEntry = new Map<string, DispositionRecord>();
  const incomingKeys = new Set(input.incoming.map(keyOf));
  for (const d of input.dispositions) {
    const key = keyOf(d);
    if (!incomingKeys.has(key)) {
      problems.push({
        dossierId: d.dossierId,
        listId: d.listId,
        message: 'Có xử lý cho một tên không có trong danh sách nhận được.',
      });
    } else if (byEntry.has(key)) {
      problems.push({
        dossierId: d.dossierId,
        listId: d.listId,
        message: 'Một tên được xử lý hai lần trong cùng danh sách.',
      });
    } else {
      byEntry.set(key, d);
    }
  }
  const counts = { forwarded: 0, removed: 0, sentBack: 0, pending: 0 };
  const forwardedIds = new Set<string>();
  for (const entry of input.incoming) {
    const d = byEntry.get(keyOf(entry));
    if (!d) {
      counts.pending += 1;
      problems.push({
        dossierId: entry.dossierId,
        listId: entry.listId,
        message: 'Tên này chưa được chuyển tiếp, trả về hay đưa ra khỏi danh sách.',
      });
    } else if (d.disposition === Disposition.FORWARDED) {
      counts.forwarded += 1;
      forwardedIds.add(entry.dossierId);
    } else if (d.disposition === Disposition.REMOVED) {
      counts.removed += 1;
      if (!d.reasonCode)
        problems.push({
          dossierId: entry.dossierId,
          listId: entry.listId,
          message: 'Đưa ra khỏi danh sách mà không có mã lý do.',
        });
    } else {
      counts.sentBack += 1;
    }
  }
  const outgoing = new Set(input.outgoingDossierIds);
  for (const id of forwardedIds) {
    if (!outgoing.has(id))
      problems.push({
        dossierId: id,
        message: 'Tên được ghi là đã chuyển tiếp nhưng không có trong danh sách gửi đi.',
      });
  }
  for (const id of outgoing) {
    if (!forwardedIds.has(id))
      problems.push({
        dossierId: id,
        message: 'Tên có trong danh sách gửi đi nhưng không đến từ danh sách nào nhận được.',
      });
  }
  const namesIn = input.incoming.length;
  const balanced = problems.length === 0 && namesIn === counts.forwarded + counts.removed + counts.sentBack;
  return { namesIn, ...counts, outgoing: outgoing.size, balanced, problems };
}
