import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum OrgUnitKind {
  MINISTRY = 'MINISTRY',
  DEPARTMENT = 'DEPARTMENT',
  FACILITY = 'FACILITY',
  SUB_CAMP = 'SUB_CAMP',
  TEAM = 'TEAM',
  NATIONAL_BODY = 'NATIONAL_BODY',
}
export enum Ministry { CONG_AN = 'CONG_AN', QUOC_PHONG = 'QUOC_PHONG' }
// DOMAIN §9: the facility kind decides which department receives and consolidates the facility's lists.
export enum FacilityKind {
  MPS_PRISON = 'MPS_PRISON',
  MPS_DETENTION_C01 = 'MPS_DETENTION_C01',
  MPS_DETENTION_A09 = 'MPS_DETENTION_A09',
  PROVINCIAL_DETENTION = 'PROVINCIAL_DETENTION',
  MOD_PRISON = 'MOD_PRISON',
  MILITARY_REGION_CAMP = 'MILITARY_REGION_CAMP',
}
export enum DepartmentKind {
  C10 = 'C10',
  C01 = 'C01',
  A09 = 'A09',
  PROVINCIAL_POLICE = 'PROVINCIAL_POLICE',
  MOD_CID = 'MOD_CID',
  MILITARY_REGION = 'MILITARY_REGION',
}
export enum NationalBodyKind {
  APPRAISAL_TEAM = 'APPRAISAL_TEAM',
  COUNCIL_STANDING = 'COUNCIL_STANDING',
  COUNCIL = 'COUNCIL',
  PRESIDENT_OFFICE = 'PRESIDENT_OFFICE',
  ADMINISTRATION = 'ADMINISTRATION',
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
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
