import { duplicateCode } from '../common/database-errors.js';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { NotFoundException, StaleWriteException, ValidationFailedException } from '../common/app.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { actorOf } from '../kernel/actor.js';
import type { SessionUser } from '../auth/session-user.js';
import {
  ROUND_PRESETS,
  validateRoundParameters,
  type RoundParameters,
  type RoundValidationIssue,
} from '../eligibility/core/index.js';
import { roundShapeErrors } from '../eligibility/round-shape.js';
import { roundParameterErrors } from '../eligibility/eligibility.service.js';
import type { CreateRoundDto, UpdateRoundDto } from './round.dto.js';
import { returnedRows } from '../common/sql.js';

const SUMMARY = `id, code, name, rule_pack AS "rulePack", decision_number AS "decisionNumber", to_char(decision_date, 'YYYY-MM-DD') AS "decisionDate",
  guidance_ref AS "guidanceRef", to_char(cutoff_date, 'YYYY-MM-DD') AS "cutoffDate", status, version, to_char(posted_at, 'YYYY-MM-DD') AS "postedAt"`;

// A round is the President's decision as data. The columns used for queries are derived from the parameters,
// so the two can never disagree.
@Injectable()
export class RoundService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  presets() {
    return Object.values(ROUND_PRESETS).map((p) => ({
      code: p.code,
      title: p.title,
      rulePack: p.rulePack,
      parameters: p,
    }));
  }

  list() {
    return this.dataSource.query(`SELECT ${SUMMARY} FROM rounds ORDER BY decision_date DESC`);
  }

  async get(code: string) {
    const [row] = await this.dataSource.query(`SELECT ${SUMMARY}, parameters, deadlines FROM rounds WHERE code = $1`, [
      code,
    ]);
    if (!row) throw new NotFoundException('đợt đặc xá');
    return { ...row, issues: storedRoundIssues(row.parameters) };
  }

  async create(user: SessionUser, input: CreateRoundDto) {
    const base = input.presetCode ? ROUND_PRESETS[input.presetCode] : undefined;
    if (input.presetCode && !base) {
      throw new ValidationFailedException([
        {
          path: 'presetCode',
          code: 'unknownPreset',
          message: `Trường "presetCode": không có mẫu tham số "${input.presetCode}".`,
        },
      ]);
    }
    const parameters = {
      ...(base ?? (input.parameters as unknown as RoundParameters)),
      code: input.code,
    } as RoundParameters;
    if (!base && !input.parameters) {
      throw new ValidationFailedException([
        { path: 'parameters', code: 'required', message: 'Cần "presetCode" hoặc "parameters" của đợt đặc xá.' },
      ]);
    }
    const columns = this.columnsFrom(parameters, 'parameters.');
    return this.dataSource.transaction(async (manager) => {
      const exists = await manager.query('SELECT 1 FROM rounds WHERE code = $1', [input.code]);
      if (exists.length) throw duplicateCode(`Mã đợt đặc xá "${input.code}" đã tồn tại (trường "code").`);
      const [created] = await manager.query(
        `INSERT INTO rounds (code, name, rule_pack, decision_number, decision_date, guidance_ref, cutoff_date, parameters, deadlines)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
        [
          input.code,
          columns.name,
          columns.rulePack,
          columns.decisionNumber,
          columns.decisionDate,
          columns.guidanceRef,
          columns.cutoffDate,
          JSON.stringify(parameters),
          JSON.stringify(input.deadlines ?? {}),
        ],
      );
      await this.audit.record(manager, {
        actor: actorOf(user),
        action: 'round.create',
        entityType: 'round',
        entityId: created.id,
        after: { code: input.code, presetCode: input.presetCode ?? null, parameters },
      });
      return { id: created.id, code: input.code };
    });
  }

  // Inside the caller's transaction when one is given (adopting a simulated draft marks the draft in the same one).
  async update(user: SessionUser, code: string, input: UpdateRoundDto, outer?: EntityManager) {
    const change = async (manager: EntityManager) => {
      const [before] = await manager.query(
        'SELECT id, version, parameters, deadlines, status, name FROM rounds WHERE code = $1 FOR UPDATE',
        [code],
      );
      if (!before) throw new NotFoundException('đợt đặc xá');
      if (before.version !== input.expectedVersion)
        throw new StaleWriteException('Đợt đặc xá', input.expectedVersion, before.version);
      const parameters = (input.parameters ? { ...input.parameters, code } : before.parameters) as RoundParameters;
      const columns = this.columnsFrom(parameters, 'parameters.');
      const [after] = returnedRows<{ version: number }>(
        await manager.query(
          `UPDATE rounds SET name = $3, rule_pack = $4, decision_number = $5, decision_date = $6, guidance_ref = $7, cutoff_date = $8,
           parameters = $9, deadlines = $10, status = $11, version = version + 1, updated_at = now()
         WHERE code = $1 AND version = $2 RETURNING version`,
          [
            code,
            input.expectedVersion,
            input.name ?? columns.name,
            columns.rulePack,
            columns.decisionNumber,
            columns.decisionDate,
            columns.guidanceRef,
            columns.cutoffDate,
            JSON.stringify(parameters),
            JSON.stringify(input.deadlines ?? before.deadlines),
            input.status ?? before.status,
          ],
        ),
      );
      await this.audit.record(manager, {
        actor: actorOf(user),
        action: 'round.update',
        entityType: 'round',
        entityId: before.id,
        before: {
          version: before.version,
          parameters: before.parameters,
          deadlines: before.deadlines,
          status: before.status,
        },
        after: {
          version: after.version,
          parameters,
          deadlines: input.deadlines ?? before.deadlines,
          status: input.status ?? before.status,
        },
      });
      return { code, version: after.version };
    };
    return outer ? change(outer) : this.dataSource.transaction(change);
  }

  private columnsFrom(p: RoundParameters, prefix: string) {
    const errors = roundParameterErrors(p, prefix);
    const need = (value: unknown, path: string, what: string) => {
      if (value === null || value === undefined || value === '') {
        errors.push({
          path: `${prefix}${path}`,
          code: 'required',
          message: `Tham số "${prefix}${path}": cần ${what} để lập đợt đặc xá.`,
        });
      }
    };
    need(p.decision?.number?.value, 'decision.number', 'số Quyết định về đặc xá');
    need(p.decision?.date?.value, 'decision.date', 'ngày ký Quyết định');
    need(p.cutoffDate?.value, 'cutoffDate', 'thời điểm tính thời gian chấp hành án');
    if (errors.length) throw new ValidationFailedException(errors);
    return {
      name: p.title,
      rulePack: p.rulePack,
      decisionNumber: p.decision.number.value,
      decisionDate: p.decision.date.value,
      guidanceRef: p.decision.guidance?.value ?? null,
      cutoffDate: p.cutoffDate.value,
    };
  }
}

// The issues of a stored round's parameters. A round stored before a group of parameters existed (or written outside
// the service) lacks that group, which the engine's validator reads directly: the missing groups are then its issues.
function storedRoundIssues(parameters: unknown): RoundValidationIssue[] {
  const shape = roundShapeErrors(parameters, '');
  if (shape.length) return shape.map((e) => ({ path: e.path, message: e.message, severity: 'error' as const }));
  return validateRoundParameters(parameters as RoundParameters);
}
