import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

import { Agency } from '../kernel/agencies.js';
import { Role } from '../kernel/roles.js';

// The role enum lives in the kernel, shared with the workflow's transition table.
export { Role };
// The appraisal team's agencies live in the kernel too: a round's parameters name the ones that must give an opinion.
export { Agency };

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
