import { Column, Entity, PrimaryColumn } from 'typeorm';

// A worker's claim on a running job, renewed while it runs (see JobQueue); gone when the job ends.
@Entity({ name: 'job_leases' })
export class JobLeaseEntity {
  @PrimaryColumn({ name: 'job_id', type: 'uuid' }) jobId!: string;
  @Column({ type: 'text' }) queue!: string;
  @Column({ type: 'text' }) worker!: string;
  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' }) startedAt!: Date;
  @Column({ name: 'beat_at', type: 'timestamptz', default: () => 'now()' }) beatAt!: Date;
}
