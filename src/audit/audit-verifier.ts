import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, type EntityManager } from 'typeorm';
import { canonicalHash } from '../kernel/hash.js';
import { STAGE_LABELS, type Stage } from '../workflow/core/stages.js';
import { AuditCheckpoints } from './audit-checkpoints.js';
import { BreakKind, type ChainBreak, checkLink, GENESIS_HASH } from './audit-chain.js';
import { AuditRepository } from './audit.repository.js';
import { CheckpointIndex } from './checkpoint.js';
import { DossierStateRepository, type DossierState } from './dossier-state.repository.js';
import { describeRow, embeddedHash, PROTECTED_TABLES, ProtectedTable, ROW_LABELS } from './protected-rows.js';
import { ProtectedRowsRepository } from './protected-rows.repository.js';

export interface VerifyReport {
  ok: boolean;
  rowsChecked: number;
  lastSeq: number;
  lastHash: string;
  checkpoints: { count: number; latestSeq: number; latestAt: string | null; keyId: string };
  protectedRows: Record<ProtectedTable, number>;
  dossiersChecked: number;
  // The first break found, from the chain outward; then the first break of every kind found and how many of each.
  firstBreak: ChainBreak | null;
  breaks: ChainBreak[];
  breakCounts: Partial<Record<BreakKind, number>>;
}

interface Commitment {
  hash: string;
  seq: number;
}

// How long verification waits for the checkpoint of a command that committed while it was reading.
const DEFAULT_GRACE_MS = 2000;

class Findings {
  readonly breaks: ChainBreak[] = [];
  readonly counts: Partial<Record<BreakKind, number>> = {};

  add(b: ChainBreak): void {
    this.counts[b.kind] = (this.counts[b.kind] ?? 0) + 1;
    if (this.counts[b.kind] === 1) this.breaks.push(b);
  }
}

// Verifies in one read-only snapshot: the chain's links; the chain against the signed checkpoints kept outside the
// database (rewritten, cut, emptied or extended behind the service's back); every protected row against the hash the
// chain commits to; every dossier's current row against its committed versions and history.
@Injectable()
export class AuditVerifier {
  constructor(
    private readonly dataSource: DataSource,
    private readonly chain: AuditRepository,
    private readonly protectedRows: ProtectedRowsRepository,
    private readonly dossiers: DossierStateRepository,
    private readonly checkpoints: AuditCheckpoints,
  ) {}

  async verify(options: { graceMs?: number } = {}): Promise<VerifyReport> {
    // Read before the snapshot: every checkpoint then names a row the snapshot must hold.
    const signed = await this.checkpoints.load();
    const findings = new Findings();
    for (const bad of signed.invalid) {
      findings.add({
        kind: BreakKind.CHECKPOINT_INVALID,
        seq: bad.seq,
        row: null,
        message: `Điểm kiểm tra${bad.seq ? ` của bản ghi số ${bad.seq}` : ''} ${bad.reason}: tệp điểm kiểm tra đã bị sửa.`,
      });
    }
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const commitments = new Map<ProtectedTable, Map<string, Commitment>>(
        Object.values(ProtectedTable).map((t) => [t, new Map()]),
      );
      const walked = await this.walk(manager, signed.index, findings, commitments);
      if (signed.index.maxSeq > walked.lastSeq) findings.add(truncated(walked.lastSeq, signed.index));
      await this.checkUnsigned(walked.unsigned, signed.index, findings, options.graceMs ?? DEFAULT_GRACE_MS);
      const protectedRows = {} as Record<ProtectedTable, number>;
      for (const table of Object.values(ProtectedTable)) {
        protectedRows[table] = await this.checkTable(manager, table, commitments.get(table)!, findings);
      }
      const dossiersChecked = await this.checkDossiers(manager, findings);
      const latest = signed.index.latest;
      return {
        ok: findings.breaks.length === 0,
        rowsChecked: walked.rowsChecked,
        lastSeq: walked.lastSeq,
        lastHash: walked.lastHash,
        checkpoints: {
          count: signed.count,
          latestSeq: latest?.seq ?? 0,
          latestAt: latest?.at ?? null,
          keyId: this.checkpoints.publicKey.keyId,
        },
        protectedRows,
        dossiersChecked,
        firstBreak: findings.breaks[0] ?? null,
        breaks: findings.breaks,
        breakCounts: findings.counts,
      };
    });
  }

  private async walk(
    manager: EntityManager,
    index: CheckpointIndex,
    findings: Findings,
    commitments: Map<ProtectedTable, Map<string, Commitment>>,
  ) {
    let previous: { seq: number; hash: string } | null = null;
    let rowsChecked = 0;
    const unsigned: { seq: number; hash: string }[] = [];
    for await (const batch of this.chain.readInOrder(manager)) {
      for (const row of batch) {
        const broken = checkLink(previous, row);
        if (broken) findings.add(broken);
        const signedHash = index.contradiction(row.seq, row.hash);
        if (signedHash) findings.add(rewritten(row.seq));
        if (!index.covers(row.seq)) unsigned.push({ seq: row.seq, hash: row.hash });
        for (const [table, key, hash] of row.rowHashes ?? []) commitments.get(table)?.set(key, { hash, seq: row.seq });
        previous = { seq: row.seq, hash: row.hash };
        rowsChecked += 1;
      }
    }
    return { rowsChecked, lastSeq: previous?.seq ?? 0, lastHash: previous?.hash ?? GENESIS_HASH, unsigned };
  }

  // Rows no checkpoint covers: a command that committed while the chain was read is signed within moments, so the
  // checkpoints are read again for a short while before such a row is called forged.
  private async checkUnsigned(
    unsigned: { seq: number; hash: string }[],
    before: CheckpointIndex,
    findings: Findings,
    graceMs: number,
  ): Promise<void> {
    let remaining = unsigned;
    const deadline = Date.now() + graceMs;
    while (remaining.length) {
      const index = (await this.checkpoints.load()).index;
      for (const r of remaining) if (index.contradiction(r.seq, r.hash)) findings.add(rewritten(r.seq));
      remaining = remaining.filter((r) => !index.covers(r.seq));
      if (!remaining.length || Date.now() >= deadline) break;
      await sleep(200);
    }
    for (const r of remaining) {
      findings.add({
        kind: BreakKind.UNSIGNED_ROW,
        seq: r.seq,
        row: null,
        message:
          before.maxSeq === 0
            ? `Bản ghi số ${r.seq} không thuộc điểm kiểm tra đã ký nào (chưa có điểm kiểm tra nào trong thư mục): nhật ký không do ứng dụng này ghi, hoặc thư mục điểm kiểm tra đã bị xóa.`
            : `Bản ghi số ${r.seq} không thuộc điểm kiểm tra đã ký nào: bản ghi được thêm ngoài ứng dụng (hoặc ứng dụng dừng ngay sau khi ghi, trước khi kịp ký).`,
      });
    }
  }

  private async checkTable(
    manager: EntityManager,
    table: ProtectedTable,
    committed: Map<string, Commitment>,
    findings: Findings,
  ): Promise<number> {
    const label = ROW_LABELS[table];
    let count = 0;
    for await (const batch of this.protectedRows.scan(manager, table)) {
      for (const row of batch) {
        count += 1;
        const commitment = committed.get(row.key);
        const where = describeRow(table, row.key);
        if (!commitment) {
          findings.add({
            kind: BreakKind.ROW_NOT_COMMITTED,
            seq: null,
            row: where,
            message: `${label} ${row.key} không được bản ghi nhật ký nào cam kết: đã được thêm ngoài ứng dụng.`,
          });
          continue;
        }
        committed.delete(row.key);
        if (commitment.hash !== row.hash) {
          findings.add({
            kind: BreakKind.ROW_CHANGED,
            seq: commitment.seq,
            row: where,
            message: `${label} ${row.key} đã bị sửa: nội dung không khớp mã băm mà bản ghi nhật ký số ${commitment.seq} cam kết.`,
          });
          continue;
        }
        const embedded = PROTECTED_TABLES[table].embedded;
        if (embedded && embeddedHash(table, row.values, row.embedded) !== row.values[embedded.hashColumn]) {
          findings.add({
            kind: BreakKind.ROW_CHANGED,
            seq: commitment.seq,
            row: where,
            message: `${label} ${row.key} đã bị sửa: nội dung lưu không khớp mã băm lưu kèm mà bản ghi nhật ký số ${commitment.seq} cam kết.`,
          });
        }
      }
    }
    for (const [key, commitment] of committed) {
      findings.add({
        kind: BreakKind.ROW_MISSING,
        seq: commitment.seq,
        row: describeRow(table, key),
        message: `${label} ${key} mà bản ghi nhật ký số ${commitment.seq} cam kết đã bị xóa.`,
      });
    }
    return count;
  }

  private async checkDossiers(manager: EntityManager, findings: Findings): Promise<number> {
    let count = 0;
    for await (const batch of this.dossiers.scan(manager)) {
      for (const d of batch) {
        count += 1;
        for (const message of dossierMismatches(d)) {
          findings.add({
            kind: BreakKind.DOSSIER_STATE_MISMATCH,
            seq: null,
            row: `dossiers (id = ${d.id})`,
            message: `Hồ sơ ${d.fullName} (${d.id}): ${message}: bảng hồ sơ đã bị sửa trực tiếp.`,
          });
        }
      }
    }
    return count;
  }
}

const stageLabel = (stage: string) => STAGE_LABELS[stage as Stage] ?? `"${stage}"`;

// What a dossier's current row must be, given the rows the chain commits to: the stage its last history row moved
// it to, the highest version either wrote, the content and authors of its versions.
function dossierMismatches(d: DossierState): string[] {
  const out: string[] = [];
  const expectedStage = d.historyStage ?? 'application';
  if (d.stage !== expectedStage)
    out.push(`bước hiện tại "${stageLabel(d.stage)}" khác với lịch sử chuyển bước ("${stageLabel(expectedStage)}")`);
  const expectedVersion = Math.max(d.historyVersion ?? 0, d.contentVersion ?? 0);
  if (d.version !== expectedVersion)
    out.push(`số phiên bản ${d.version} khác với lịch sử và các phiên bản đã lưu (${expectedVersion})`);
  if (d.contentHash === null) out.push('không có phiên bản nội dung nào được lưu');
  else if (!d.document || canonicalHash(d.document) !== d.contentHash)
    out.push(`nội dung hiện tại khác với phiên bản đã lưu số ${d.contentVersion}`);
  if (d.createdBy !== d.firstAuthor) out.push('người lập hồ sơ khác với người lưu phiên bản đầu tiên');
  if (d.updatedBy !== d.contentAuthor) out.push('người sửa sau cùng khác với người lưu phiên bản mới nhất');
  return out;
}

function rewritten(seq: number): ChainBreak {
  return {
    kind: BreakKind.CHECKPOINT_MISMATCH,
    seq,
    row: null,
    message: `Bản ghi số ${seq} khác với điểm kiểm tra đã ký cho số này: chuỗi nhật ký đã bị viết lại (tính lại mã băm) đến bản ghi này.`,
  };
}

function truncated(lastSeq: number, index: CheckpointIndex): ChainBreak {
  const at = index.latest ? ` lúc ${vietnamTime(index.latest.at)}` : '';
  return {
    kind: BreakKind.LOG_TRUNCATED,
    seq: lastSeq + 1,
    row: null,
    message:
      lastSeq === 0
        ? `Nhật ký trống nhưng điểm kiểm tra đã ký${at} ghi nhận ${index.maxSeq} bản ghi: nhật ký đã bị xóa hết.`
        : `Nhật ký chỉ còn đến bản ghi số ${lastSeq} nhưng điểm kiểm tra đã ký${at} ghi nhận đến số ${index.maxSeq}: các bản ghi từ số ${lastSeq + 1} đã bị xóa.`,
  };
}

// dd/mm/yyyy hh:mm:ss in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).
function vietnamTime(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 19)}`;
}
