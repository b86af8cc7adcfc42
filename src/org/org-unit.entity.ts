import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DepartmentKind, FacilityKind, Ministry } from '../workflow/core/routing.js';

// The kinds that decide where a facility's lists go live with the routing rules (pure code); re-exported here.
export { DepartmentKind, FacilityKind, Ministry };

export enum OrgUnitKind {
  MINISTRY = 'MINISTRY',
  DEPARTMENT = 'DEPARTMENT',
  FACILITY = 'FACILITY',
  SUB_CAMP = 'SUB_CAMP',
  TEAM = 'TEAM',
  NATIONAL_BODY = 'NATIONAL_BODY',
  // A provincial or military-region procuracy (Luật Đặc xá 2018, Điều 30); the Supreme Procuracy is a national body.
  PROCURACY = 'PROCURACY',
  // A provincial court or military-region court (Luật Đặc xá 2018, Điều 15, khoản 3): like a procuracy it names the
  // provincial police or military-region command that stands for its province in the tree.
  COURT = 'COURT',
  // The commune's People's Committee or the military unit to which an amnestied person presents the certificate
  // (Luật Đặc xá 2018, Điều 20, khoản 2, điểm a) and which gets its copy (Điều 18, khoản 4). Like a court it stands
  // outside the prisons' chain, at the root of the tree.
  LOCAL_UNIT = 'LOCAL_UNIT',
}
export enum NationalBodyKind {
  APPRAISAL_TEAM = 'APPRAISAL_TEAM',
  COUNCIL_STANDING = 'COUNCIL_STANDING',
  COUNCIL = 'COUNCIL',
  PRESIDENT_OFFICE = 'PRESIDENT_OFFICE',
  ADMINISTRATION = 'ADMINISTRATION',
  SUPREME_PROCURACY = 'SUPREME_PROCURACY',
  // Tòa án nhân dân tối cao: its Chief Justice decides the second complaints about a court's list (Luật Đặc xá 2018,
  // Điều 37, khoản 2).
  SUPREME_COURT = 'SUPREME_COURT',
}

@Entity({ name: 'org_units' })
export class OrgUnitEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: OrgUnitKind;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId!: string | null;
  // '/<root id>/<child id>/…/<own id>/': a unit sees everything whose path starts with its own.
  @Column({ type: 'text' }) path!: string;
  @Column({ type: 'text', nullable: true }) ministry!: Ministry | null;
  @Column({ name: 'department_kind', type: 'text', nullable: true }) departmentKind!: DepartmentKind | null;
  @Column({ name: 'facility_kind', type: 'text', nullable: true }) facilityKind!: FacilityKind | null;
  @Column({ name: 'body_kind', type: 'text', nullable: true }) bodyKind!: NationalBodyKind | null;
  @Column({ type: 'text', nullable: true }) place!: string | null;
  // A local procuracy: the provincial police or military-region command whose facilities it supervises; a court: the
  // command standing for its province (the tree holds no provinces).
  @Column({ name: 'supervised_unit_id', type: 'uuid', nullable: true }) supervisedUnitId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
