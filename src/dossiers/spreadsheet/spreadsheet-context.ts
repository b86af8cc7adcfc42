import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SessionUser } from '../../auth/session-user.js';
import { OrgService } from '../../org/org.service.js';
import { RoundService } from '../../rounds/round.service.js';
import { DossierSpreadsheetRepository } from './dossier-spreadsheet.repository.js';
import { UnitNames } from './spreadsheet-units.js';

export interface UnitContext {
  units: UnitNames;
  // The labels the drop-downs of the unit columns offer.
  options: { rounds: string[]; facilities: string[]; teams: string[] };
}

@Injectable()
export class SpreadsheetContext {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: DossierSpreadsheetRepository,
    private readonly org: OrgService,
    private readonly rounds: RoundService,
  ) {}

  // Names of every unit (a workbook may mention any), and what the user's own drop-downs offer: the rounds still open
  // and the facilities and teams of the user's part of the organisation, as the nomination form offers them.
  async of(user: SessionUser, manager: EntityManager = this.dataSource.manager): Promise<UnitContext> {
    const units = new UnitNames(await this.repository.unitLists(manager));
    const own: { code: string; kind: string }[] = await this.org.listUnits(user);
    const rounds: { code: string; status: string }[] = await this.rounds.list();
    const codes = (kind: string) => own.filter((u) => u.kind === kind).map((u) => u.code);
    return {
      units,
      options: {
        rounds: units.labels(
          'rounds',
          rounds.filter((r) => r.status !== 'CLOSED').map((r) => r.code),
        ),
        facilities: units.labels('facilities', codes('FACILITY')),
        teams: units.labels('teams', codes('TEAM')),
      },
    };
  }
}
