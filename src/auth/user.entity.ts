import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum Role {
  TEAM_OFFICER = 'TEAM_OFFICER',
  CAMP_COUNCIL_MEMBER = 'CAMP_COUNCIL_MEMBER',
  WARDEN = 'WARDEN',
  DEPARTMENT_OFFICER = 'DEPARTMENT_OFFICER',
  MINISTRY_OFFICER = 'MINISTRY_OFFICER',
  APPRAISER = 'APPRAISER',
  COUNCIL_STANDING_OFFICER = 'COUNCIL_STANDING_OFFICER',
  COUNCIL_MEMBER = 'COUNCIL_MEMBER',
  ADMIN = 'ADMIN',
}
export enum Agency {
  CONG_AN = 'CONG_AN',
  QUOC_PHONG = 'QUOC_PHONG',
  TAND_TOI_CAO = 'TAND_TOI_CAO',
  VKSND_TOI_CAO = 'VKSND_TOI_CAO',
  MTTQ = 'MTTQ',
  VAN_PHONG_CTN = 'VAN_PHONG_CTN',
  VAN_PHONG_CP = 'VAN_PHONG_CP',
  BO_TU_PHAP = 'BO_TU_PHAP',
  BO_NGOAI_GIAO = 'BO_NGOAI_GIAO',
}

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) username!: string;
  @Column({ name: 'password_hash', type: 'text' }) passwordHash!: string;
  @Column({ name: 'full_name', type: 'text' }) fullName!: string;
  @Column({ type: 'text' }) role!: Role;
  @Column({ name: 'org_unit_id', type: 'uuid' }) orgUnitId!: string;
  @Column({ type: 'text', nullable: true }) agency!: Agency | null;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
