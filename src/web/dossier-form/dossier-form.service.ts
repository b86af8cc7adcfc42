import { Injectable } from '@nestjs/common';
import type { SessionUser } from '../../auth/session-user.js';
import { OrgService } from '../../org/org.service.js';
import { WebLookupRepository } from '../web-lookup.repository.js';
import type { FormChoices } from './form-view.js';

interface UnitRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
}

@Injectable()
export class DossierFormService {
  constructor(
    private readonly org: OrgService,
    private readonly lookups: WebLookupRepository,
  ) {}

  // Rounds, and the facilities and teams inside the user's own part of the organisation.
  async choices(
    user: SessionUser,
  ): Promise<FormChoices & { defaults: { roundCode?: string; facilityCode?: string; teamCode?: string } }> {
    const units: UnitRow[] = await this.org.listUnits(user);
    const own = units.filter((u) => u.kind !== 'NATIONAL_BODY');
    const facilities = own.filter((u) => u.kind === 'FACILITY');
    const facilityName = new Map(facilities.map((f) => [f.id, f.name]));
    const teams = own.filter((u) => u.kind === 'TEAM' || u.kind === 'SUB_CAMP');
    const rounds = await this.lookups.rounds();
    const open = rounds.filter((r) => r.status !== 'CLOSED');
    const ownTeam = teams.find((t) => t.id === user.orgUnitId);
    const ownFacility =
      facilities.find((f) => f.id === user.orgUnitId) ??
      facilities.find((f) => f.id === ownTeam?.parentId) ??
      facilities[0];
    return {
      rounds: open.map((r) => ({ value: r.code, label: `${r.name} (${r.code})` })),
      facilities: facilities.map((f) => ({ value: f.code, label: f.name })),
      teams: teams.map((t) => ({
        value: t.code,
        label: facilities.length > 1 ? `${t.name} – ${facilityName.get(t.parentId ?? '') ?? ''}` : t.name,
      })),
      defaults: { roundCode: open[0]?.code, facilityCode: ownFacility?.code, teamCode: ownTeam?.code },
    };
  }
}
