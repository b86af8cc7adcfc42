import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

import { Role } from '../kernel/roles.js';

// The role enum lives in the kernel, shared with the workflow's transition table.
export { Role };
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
