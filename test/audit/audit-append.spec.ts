import { PreparedAppend, type AppendEntry } from '../../src/audit/audit-append.js';
import { chainHash, GENESIS_HASH, type AuditRecord } from '../../src/audit/audit-chain.js';
import { ProtectedTable } from '../../src/audit/protected-rows.js';
import { canonicalJson } from '../../src/kernel/canonical-json.js';

// Entries encoded ahead of their append link exactly as the verifier recomputes them from the stored record.
describe('audit entries prepared ahead of their append', () => {
  const occurredAt = '2026-12-05T04:05:06.789Z';
  const entries: AppendEntry[] = [
    {
      actor: { id: '6f1c2d3e-0000-4000-8000-000000000001', name: 'Nguyễn Văn A' },
      action: 'workflow.forward',
      entityType: 'dossier',
      entityId: '6f1c2d3e-0000-4000-8000-0000000000aa',
      before: { stage: 'department', version: 4 },
      after: { version: 5, stage: 'ministry', listId: null },
      reason: null,
      rowHashes: [[ProtectedTable.WORKFLOW_HISTORY, '17', 'b'.repeat(64)]],
    },
    {
      actor: { id: null, name: 'Hệ thống "tự động"\n' },
      action: 'list.forward',
      entityType: 'list',
      entityId: 'x\u2028y',
      before: undefined,
      after: { nested: { z: 1, a: [1, undefined, 'ư'] }, at: new Date(occurredAt), skipped: undefined },
      reason: 'Lý do: \ud800 lẻ',
      rowHashes: [],
    },
  ];

  it('gives the hashes chainHash gives the records, and stores what the records say', () => {
    const prepared = new PreparedAppend(entries);
    const previous = { seq: 41, hash: GENESIS_HASH.replace(/^0/, 'f') };
    const { rows, head } = prepared.chain(0, entries.length, previous, occurredAt);
    let prevHash = previous.hash;
    rows.forEach((text, i) => {
      const e = entries[i];
      const record: AuditRecord = {
        seq: previous.seq + 1 + i,
        occurredAt,
        actorId: e.actor.id,
        actorName: e.actor.name,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        before: e.before === undefined ? null : JSON.parse(JSON.stringify(e.before)),
        after: JSON.parse(JSON.stringify(e.after)),
        reason: e.reason ?? null,
      };
      if (e.rowHashes.length) record.rowHashes = [...e.rowHashes];
      const stored = JSON.parse(text);
      expect(stored.seq).toBe(record.seq);
      expect(stored.prev_hash).toBe(prevHash);
      expect(stored.hash).toBe(chainHash(prevHash, record));
      expect(canonicalJson(stored.before)).toBe(canonicalJson(record.before));
      expect(canonicalJson(stored.after)).toBe(canonicalJson(record.after));
      expect(stored.reason).toBe(record.reason);
      expect(stored.entity_id).toBe(record.entityId);
      expect(stored.row_hashes).toEqual(record.rowHashes ?? null);
      prevHash = stored.hash;
    });
    expect(head).toEqual({ seq: previous.seq + entries.length, hash: prevHash });
  });

  it('sends a column once when every entry has the same value, and in each row otherwise', () => {
    const prepared = new PreparedAppend(entries);
    expect(prepared.shared).toEqual([undefined, undefined, undefined, undefined]);
    const [row] = prepared.chain(1, 2, { seq: 0, hash: GENESIS_HASH }, occurredAt).rows;
    expect(JSON.parse(row)).toMatchObject({
      actor_id: null,
      actor_name: entries[1].actor.name,
      action: 'list.forward',
    });

    const same = new PreparedAppend([entries[0], { ...entries[0], entityId: 'other' }]);
    expect(same.shared).toEqual([entries[0].actor.id, entries[0].actor.name, 'workflow.forward', 'dossier']);
    const stored = same.chain(0, 2, { seq: 0, hash: GENESIS_HASH }, occurredAt).rows.map((r) => JSON.parse(r));
    expect(stored.map((r) => r.entity_id)).toEqual([entries[0].entityId, 'other']);
    expect(stored.every((r) => !('actor_id' in r) && !('action' in r))).toBe(true);
  });
});
