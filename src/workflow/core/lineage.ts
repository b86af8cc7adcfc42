// Traces every name on a list down through the lists it was consolidated from to the team's secret ballot that put
// it forward (Nghị định 76/2008/NĐ-CP, Điều 7, khoản 1: the chain must start from the team's ballot).
export interface ListNode {
  id: string;
  code: string;
  sourceListIds: readonly string[];
  dossierIds: readonly string[];
}

export interface BallotOrigin {
  dossierId: string;
  meetingId: string;
  teamId: string;
  meetingDate: string;
  votesFor: number;
  base: number;
  passed: boolean;
}

// An accepted complaint that put a name back on the eligible list (Luật Đặc xá 2018, Điều 37): the name's chain starts
// at the complaint's one-name list instead of the team's ballot.
export interface ComplaintOrigin {
  listId: string;
  dossierId: string;
  complaintId: string;
  level: string;
  decidedOn: string;
  reason: string;
}

export interface LineageEntry {
  dossierId: string;
  // From the list asked about down to the camp's list (or the complaint's list).
  listCodes: string[];
  ballot: BallotOrigin | null;
  complaint?: ComplaintOrigin;
  complete: boolean;
  problem?: string;
}

export interface LineageReport {
  listId: string;
  names: number;
  complete: number;
  entries: LineageEntry[];
}

export function traceLineage(input: {
  listId: string;
  lists: readonly ListNode[];
  ballots: readonly BallotOrigin[];
  complaints?: readonly ComplaintOrigin[];
}): LineageReport {
  const complaints = new Map((input.complaints ?? []).map((c) => [`${c.listId}/${c.dossierId}`, c]));
  const lists = new Map(input.lists.map((l) => [l.id, { ...l, members: new Set(l.dossierIds) }]));
  const ballots = new Map(input.ballots.map((b) => [b.dossierId, b]));
  const root = lists.get(input.listId);
  if (!root) throw new Error(`Unknown list ${input.listId}`);

  const entries = root.dossierIds.map((dossierId): LineageEntry => {
    const listCodes: string[] = [];
    let current = root;
    const visited = new Set<string>();
    for (;;) {
      if (visited.has(current.id))
        return { dossierId, listCodes, ballot: null, complete: false, problem: 'Danh sách bị vòng lặp.' };
      visited.add(current.id);
      listCodes.push(current.code);
      if (current.sourceListIds.length === 0) break;
      // A name sent back and resubmitted appears in two sources; the newest one (last) is the one that carried it on.
      const next = [...current.sourceListIds]
        .reverse()
        .map((id) => lists.get(id))
        .find((l) => l?.members.has(dossierId));
      if (!next) {
        return {
          dossierId,
          listCodes,
          ballot: null,
          complete: false,
          problem: `Tên không có trong danh sách nào mà «${current.code}» tổng hợp.`,
        };
      }
      current = next;
    }
    const ballot = ballots.get(dossierId) ?? null;
    const complaint = complaints.get(`${current.id}/${dossierId}`);
    if (complaint) return { dossierId, listCodes, ballot, complaint, complete: true };
    if (!ballot)
      return {
        dossierId,
        listCodes,
        ballot,
        complete: false,
        problem: 'Không tìm thấy biên bản bỏ phiếu kín của đội.',
      };
    if (!ballot.passed)
      return { dossierId, listCodes, ballot, complete: false, problem: 'Đội không giới thiệu người này.' };
    return { dossierId, listCodes, ballot, complete: true };
  });
  return { listId: input.listId, names: entries.length, complete: entries.filter((e) => e.complete).length, entries };
}
