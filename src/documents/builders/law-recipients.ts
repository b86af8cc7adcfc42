import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PROCURACY_OF_FACILITY, ProcuracyLevel } from '../../workflow/core/procuracy.js';
import { FACILITY_ROUTES, FacilityKind, isFacilityKind } from '../../workflow/core/routing.js';
import { OrgRoutingRepository, type UnitRow } from '../../workflow/lists/org-routing.repository.js';
import { findListMakersTo } from './appraisal-source.repository.js';
import { findListAddress } from './list-source.repository.js';

const SUPREME_PROCURACY_LABEL = PROCURACY_OF_FACILITY[FacilityKind.MPS_PRISON].label;
const ANY_PROCURACY_LABEL = 'Viện kiểm sát có thẩm quyền';
const STANDING_BODY_LABEL = 'Thường trực Hội đồng tư vấn đặc xá';
const COUNCIL_LABEL = 'Hội đồng tư vấn đặc xá';

// The recipients the law names for a list, which the form offers in "Nơi nhận" before the official edits them:
// 1. the next level of the chain, the unit the list was addressed to when it was made (the camp's department,
//    the ministry, the appraisal team, the standing body, the Council, the President's Office: core/routing.ts and
//    lists/hops.ts); a camp's ineligible list, which is addressed to no one, goes up with its eligible list to the
//    camp's department (Nghị định 76/2008/NĐ-CP, Điều 7, khoản 2, điểm b);
// 2. the competent procuracy, notified in writing of the list results before they reach the appraisal team (Luật Đặc
//    xá 2018, Điều 15, khoản 5) and supervising the work (Điều 30): the facility's or the court's own (core/procuracy.ts);
//    for a department's list, the procuracy of the facilities it consolidates (the local procuracy naming a provincial
//    police or military-region command, the Supreme People's Procuracy for the ministries' departments); for a
//    ministry's list, the Supreme People's Procuracy. The national bodies' lists name none: the Supreme Procuracy sits
//    on the appraisal team and the Council itself (Điều 10).
@Injectable()
export class LawRecipients {
  constructor(private readonly org: OrgRoutingRepository) {}

  async ofList(manager: EntityManager, listId: string): Promise<string[]> {
    const list = await findListAddress(manager, listId);
    if (!list) return [];
    const owner = await this.org.unit(manager, list.owner_unit_id);
    const procuracy = owner ? await this.procuracyNameOf(manager, owner) : null;
    return [list.next_level, procuracy].filter((entry): entry is string => !!entry);
  }

  // The recipients the law names for the appraisal team's record of a round, which the record's closing states: the
  // standing body the team reports to, then the bodies whose lists the team appraised (Luật Đặc xá 2018, Điều 16,
  // khoản 2).
  async ofAppraisalRecord(manager: EntityManager, roundId: string): Promise<string[]> {
    const standing = (await this.org.nationalBody(manager, 'COUNCIL_STANDING'))?.name ?? STANDING_BODY_LABEL;
    const team = await this.org.nationalBody(manager, 'APPRAISAL_TEAM');
    const makers = team ? await findListMakersTo(manager, roundId, team.id) : [];
    return [standing, ...makers];
  }

  // The standing body's explanatory report goes to the Council it is addressed to, which settles the names the agencies
  // still disagree on (Nghị định 76/2008/NĐ-CP, Điều 8, khoản 2).
  async ofExplanatoryReport(manager: EntityManager): Promise<string[]> {
    return [(await this.org.nationalBody(manager, 'COUNCIL'))?.name ?? COUNCIL_LABEL];
  }

  // The competent procuracy of a facility, court or other unit as the organisation tree holds it; the law's title of
  // that procuracy when the tree does not hold it yet.
  async procuracyOf(manager: EntityManager, unitId: string): Promise<string> {
    const unit = await this.org.unit(manager, unitId);
    return (unit && (await this.procuracyNameOf(manager, unit))) ?? ANY_PROCURACY_LABEL;
  }

  private async procuracyNameOf(manager: EntityManager, owner: UnitRow): Promise<string | null> {
    const supreme = async () =>
      (await this.org.nationalBody(manager, 'SUPREME_PROCURACY'))?.name ?? SUPREME_PROCURACY_LABEL;
    switch (owner.kind) {
      case 'FACILITY':
      case 'COURT': {
        const found = await this.org.procuracyOf(manager, owner.id);
        if (found) return found.name;
        return owner.facilityKind && isFacilityKind(owner.facilityKind)
          ? PROCURACY_OF_FACILITY[owner.facilityKind].label
          : ANY_PROCURACY_LABEL;
      }
      case 'DEPARTMENT': {
        const routed = Object.entries(FACILITY_ROUTES).find(
          ([, route]) => route.departmentKind === owner.departmentKind,
        );
        const facilityKind = routed?.[0] as FacilityKind | undefined;
        if (!facilityKind || PROCURACY_OF_FACILITY[facilityKind].level === ProcuracyLevel.SUPREME) return supreme();
        return (await this.org.localProcuracyOf(manager, owner.id))?.name ?? PROCURACY_OF_FACILITY[facilityKind].label;
      }
      case 'MINISTRY':
        return supreme();
      default:
        return null;
    }
  }
}
