import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

// One stored evaluation, pinned to the rule pack, the round, the dossier version and a hash of the facts it used,
// so a result can always be re-explained later.
@Entity({ name: 'eligibility_results' })
export class EligibilityResultEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'dossier_id', type: 'uuid' }) dossierId!: string;
  @Column({ name: 'dossier_version', type: 'integer' }) dossierVersion!: number;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ name: 'screening_id', type: 'uuid', nullable: true }) screeningId!: string | null;
  @Column({ name: 'pack_id', type: 'text' }) packId!: string;
  @Column({ name: 'pack_version', type: 'text' }) packVersion!: string;
  @Column({ name: 'facts_hash', type: 'text' }) factsHash!: string;
  @Column({ type: 'text' }) outcome!: string;
  @Column({ type: 'text', nullable: true }) category!: string | null;
  @Column({ name: 'relies_on_unverified', type: 'boolean', default: false }) reliesOnUnverified!: boolean;
  @Column({ type: 'json' }) result!: Record<string, unknown>;
  @CreateDateColumn({ name: 'evaluated_at', type: 'timestamptz' }) evaluatedAt!: Date;
}

@Entity({ name: 'screenings' })
export class ScreeningEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ type: 'text', default: 'QUEUED' }) status!: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  @Column({ type: 'integer', default: 0 }) total!: number;
  @Column({ type: 'integer', default: 0 }) done!: number;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ name: 'error_code', type: 'text', nullable: true }) errorCode!: string | null;
  // The last dossier of the last committed batch: a retried screening continues after it.
  @Column({ name: 'resume_after', type: 'uuid', nullable: true }) resumeAfter!: string | null;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ name: 'requested_by', type: 'uuid', nullable: true }) requestedBy!: string | null;
  // The unit and role of the requester: which dossiers the screening covers and who may read it (ScopeService).
  @Column({ name: 'scope_unit_id', type: 'uuid', nullable: true }) scopeUnitId!: string | null;
  @Column({ name: 'scope_role', type: 'text', nullable: true }) scopeRole!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}
