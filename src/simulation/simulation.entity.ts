import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum SimulationStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

// A named draft of a round's parameters evaluated over the dossiers in its author's scope. It never touches the
// dossiers' stored results: its figures and the verdicts that changed are its own.
@Entity({ name: 'simulations' })
export class SimulationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  // The round's version the base was read from: adopting the draft is refused (409) once the round has moved on.
  @Column({ name: 'round_version', type: 'integer' }) roundVersion!: number;
  @Column({ name: 'base_preset_code', type: 'text', nullable: true }) basePresetCode!: string | null;
  @Column({ name: 'base_parameters', type: 'jsonb' }) baseParameters!: Record<string, unknown>;
  @Column({ type: 'jsonb' }) changes!: Array<Record<string, unknown>>;
  @Column({ name: 'draft_parameters', type: 'jsonb' }) draftParameters!: Record<string, unknown>;
  // The facilities in the author's scope when the simulation was created (ScopeService.unitFilter).
  @Column({ name: 'facility_ids', type: 'uuid', array: true }) facilityIds!: string[];
  @Column({ name: 'scope_label', type: 'text' }) scopeLabel!: string;
  @Column({ type: 'text', default: SimulationStatus.QUEUED }) status!: SimulationStatus;
  @Column({ type: 'integer', default: 0 }) total!: number;
  @Column({ type: 'integer', default: 0 }) done!: number;
  @Column({ type: 'jsonb', nullable: true }) figures!: Record<string, unknown> | null;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ name: 'elapsed_ms', type: 'integer', nullable: true }) elapsedMs!: number | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ name: 'adopted_at', type: 'timestamptz', nullable: true }) adoptedAt!: Date | null;
  @Column({ name: 'adopted_by', type: 'uuid', nullable: true }) adoptedBy!: string | null;
  @Column({ name: 'adopted_round_version', type: 'integer', nullable: true }) adoptedRoundVersion!: number | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
}

// One person whose verdict the draft changes, with the rule that made the difference.
@Entity({ name: 'simulation_changes' })
export class SimulationChangeEntity {
  @PrimaryColumn({ name: 'simulation_id', type: 'uuid' }) simulationId!: string;
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' }) dossierId!: string;
  @Column({ name: 'facility_id', type: 'uuid' }) facilityId!: string;
  @Column({ name: 'base_status', type: 'text' }) baseStatus!: string;
  @Column({ name: 'draft_status', type: 'text' }) draftStatus!: string;
  @Column({ name: 'base_category', type: 'text' }) baseCategory!: string;
  @Column({ name: 'draft_category', type: 'text' }) draftCategory!: string;
  @Column({ name: 'rule_id', type: 'text' }) ruleId!: string;
  @Column({ type: 'text' }) reason!: string;
}

export const SIMULATION_ENTITIES: Function[] = [SimulationEntity, SimulationChangeEntity];
