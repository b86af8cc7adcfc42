import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { agenciesDisagree, FlagStatus, groupByDossier } from '../core/appraisal.js';
import type { TransitionContext } from '../core/transition-context.js';
import { AppraisalRepository } from './appraisal.repository.js';

// Nghị định 76/2008/NĐ-CP, Điều 8, khoản 2: what the transition table's `flagsSettled` guard reads for each dossier the
// standing body sends to the Council, and the explanatory report to attach to the list where agencies disagree.
@Injectable()
export class StandingGate {
  constructor(private readonly appraisal: AppraisalRepository) {}

  async facts(
    manager: EntityManager,
    dossierIds: readonly string[],
  ): Promise<{ reportId: string | null; context: Map<string, Partial<TransitionContext>> }> {
    const flags = groupByDossier(await this.appraisal.flagsFor(manager, dossierIds));
    const opinions = groupByDossier(await this.appraisal.opinionsFor(manager, dossierIds));
    const disputed = new Set(dossierIds.filter((id) => agenciesDisagree(opinions.get(id) ?? [], flags.get(id) ?? [])));
    const report = disputed.size > 0 ? await this.appraisal.latestReportCovering(manager, [...disputed]) : null;
    const context = new Map<string, Partial<TransitionContext>>();
    for (const id of dossierIds) {
      context.set(id, {
        openFlagCount: (flags.get(id) ?? []).filter((f) => f.status === FlagStatus.OPEN).length,
        agenciesDisagree: disputed.has(id),
        hasExplanatoryReport: report?.covered.has(id) ?? false,
      });
    }
    return { reportId: report?.id ?? null, context };
  }
}
