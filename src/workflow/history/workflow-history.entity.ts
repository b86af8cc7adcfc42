import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

// One row per stage change of a dossier, written in the same transaction as the change; append-only.
@Entity({ name: 'workflow_history' })
export class WorkflowHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'dossier_id', type: 'uuid' }) dossierId!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ type: 'text' }) event!: string;
  @Column({ name: 'from_stage', type: 'text' }) fromStage!: string;
  @Column({ name: 'to_stage', type: 'text' }) toStage!: string;
  @Column({ name: 'version_read', type: 'integer' }) versionRead!: number;
  @Column({ name: 'version_written', type: 'integer' }) versionWritten!: number;
  @Column({ name: 'actor_id', type: 'uuid' }) actorId!: string;
  @Column({ name: 'actor_role', type: 'text' }) actorRole!: string;
  @Column({ name: 'actor_unit_id', type: 'uuid' }) actorUnitId!: string;
  @Column({ name: 'reason_code', type: 'text', nullable: true }) reasonCode!: string | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ name: 'list_id', type: 'uuid', nullable: true }) listId!: string | null;
  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
}

@Entity({ name: 'idempotency_keys' })
export class IdempotencyKeyEntity {
  @Column({ name: 'user_id', type: 'uuid', primary: true }) userId!: string;
  @Column({ type: 'text', primary: true }) key!: string;
  @Column({ type: 'text' }) scope!: string;
  @Column({ name: 'request_hash', type: 'text' }) requestHash!: string;
  @Column({ name: 'status_code', type: 'integer', nullable: true }) statusCode!: number | null;
  @Column({ type: 'jsonb', nullable: true }) response!: unknown;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
