import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role } from '../../auth/user.entity.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Stage } from '../../workflow/core/stages.js';

export interface DossierFlag {
  id: string;
  field: string;
  kind: string;
  message: string;
  status: string;
  agency: string;
  resolution: string | null;
  version: number;
}

// What a dossier page shows of the appraisal: the findings on it and whether this user may add one. Only called
// after DossierService.get has checked that the user may see the dossier.
@Injectable()
export class DossierFlagsView {
  constructor(private readonly dataSource: DataSource) {}

  async forDossier(user: SessionUser, dossierId: string, stage: string) {
    const flags: DossierFlag[] = await this.dataSource.query(
      `SELECT id, field, kind, message, status, agency, resolution, version FROM appraisal_flags WHERE dossier_id = $1 ORDER BY raised_at`,
      [dossierId],
    );
    const opinions: { agency: string; opinion: string; note: string | null; version: number }[] =
      await this.dataSource.query(
        'SELECT agency, opinion, note, version FROM appraisal_opinions WHERE dossier_id = $1 ORDER BY agency',
        [dossierId],
      );
    const canFlag = user.role === Role.APPRAISER && stage === Stage.APPRAISAL;
    return {
      flags,
      opinions,
      canFlag,
      canResolve: user.role === Role.COUNCIL_STANDING_OFFICER,
      ownOpinion: opinions.find((o) => o.agency === user.agency) ?? null,
    };
  }
}
