import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

// Child rows of a dossier, each ordered by `ordinal` so that export returns them exactly as imported.
abstract class DossierChild {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'dossier_id', type: 'uuid' }) dossierId!: string;
  @Column({ type: 'integer' }) ordinal!: number;
}

@Entity({ name: 'dossier_judgments' })
export class DossierJudgmentEntity extends DossierChild {
  @Column({ type: 'text' }) number!: string;
  @Column({ name: 'judgment_date', type: 'date' }) judgmentDate!: string;
  @Column({ type: 'text' }) court!: string;
  @Column({ name: 'final_date', type: 'date', nullable: true }) finalDate!: string | null;
  @Column({ type: 'jsonb' }) sentence!: Record<string, unknown>;
}

@Entity({ name: 'dossier_offences' })
export class DossierOffenceEntity extends DossierChild {
  @Column({ name: 'judgment_id', type: 'uuid' }) judgmentId!: string;
  @Column({ name: 'criminal_code', type: 'text', nullable: true }) criminalCode!: string | null;
  @Column({ type: 'integer' }) article!: number;
  @Column({ type: 'integer', nullable: true }) clause!: number | null;
  @Column({ type: 'text', nullable: true }) point!: string | null;
  @Column({ type: 'integer' }) chapter!: number;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'offence_date', type: 'date', nullable: true }) offenceDate!: string | null;
  @Column({ type: 'boolean' }) intentional!: boolean;
  @Column({ type: 'boolean' }) drug!: boolean;
  @Column({ type: 'boolean' }) corruption!: boolean;
  @Column({ name: 'national_security', type: 'boolean' }) nationalSecurity!: boolean;
  @Column({ type: 'text', nullable: true }) grade!: string | null;
  @Column({ type: 'text', array: true }) aggravations!: string[];
  @Column({ type: 'integer', nullable: true }) victims!: number | null;
  @Column({ type: 'jsonb' }) sentence!: Record<string, unknown>;
}

@Entity({ name: 'dossier_intervals' })
export class DossierIntervalEntity extends DossierChild {
  @Column({ type: 'text' }) kind!: string;
  @Column({ name: 'date_from', type: 'date' }) dateFrom!: string;
  @Column({ name: 'date_to', type: 'date', nullable: true }) dateTo!: string | null;
}

@Entity({ name: 'dossier_reductions' })
export class DossierReductionEntity extends DossierChild {
  @Column({ name: 'decision_number', type: 'text' }) decisionNumber!: string;
  @Column({ name: 'decision_date', type: 'date' }) decisionDate!: string;
  @Column({ type: 'text' }) issuer!: string;
  @Column({ type: 'integer' }) years!: number;
  @Column({ type: 'integer' }) months!: number;
  @Column({ type: 'integer' }) days!: number;
}

@Entity({ name: 'dossier_conduct_ratings' })
export class DossierConductRatingEntity extends DossierChild {
  @Column({ type: 'text' }) period!: string;
  @Column({ type: 'text' }) rating!: string;
}

@Entity({ name: 'dossier_discipline' })
export class DossierDisciplineEntity extends DossierChild {
  @Column({ name: 'record_date', type: 'date' }) recordDate!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) description!: string;
}

@Entity({ name: 'dossier_prior_convictions' })
export class DossierPriorConvictionEntity extends DossierChild {
  @Column({ name: 'judgment_number', type: 'text' }) judgmentNumber!: string;
  @Column({ name: 'judgment_date', type: 'date' }) judgmentDate!: string;
  @Column({ type: 'text' }) court!: string;
  @Column({ type: 'text' }) offence!: string;
  @Column({ type: 'boolean' }) expunged!: boolean;
}

@Entity({ name: 'dossier_obligations' })
export class DossierObligationEntity extends DossierChild {
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) creditor!: string;
  @Column({ name: 'amount_due', type: 'bigint' }) amountDue!: string;
  @Column({ name: 'amount_paid', type: 'bigint' }) amountPaid!: string;
  @Column({ type: 'text' }) status!: string;
}

@Entity({ name: 'dossier_enforcement_decisions' })
export class DossierEnforcementDecisionEntity extends DossierChild {
  @Column({ name: 'obligation_id', type: 'uuid' }) obligationId!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text', nullable: true }) number!: string | null;
  @Column({ name: 'decision_date', type: 'date' }) decisionDate!: string;
  @Column({ type: 'text' }) issuer!: string;
  @Column({ type: 'boolean', nullable: true }) certified!: boolean | null;
}

@Entity({ name: 'dossier_special_circumstances' })
export class DossierSpecialCircumstanceEntity extends DossierChild {
  @Column({ type: 'text' }) category!: string;
  @Column({ type: 'jsonb' }) details!: Record<string, unknown>;
}

@Entity({ name: 'dossier_evidence_documents' })
export class DossierEvidenceDocumentEntity extends DossierChild {
  @Column({ name: 'owner_type', type: 'text' }) ownerType!: string;
  @Column({ name: 'owner_id', type: 'uuid', nullable: true }) ownerId!: string | null;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text', nullable: true }) number!: string | null;
  @Column({ name: 'document_date', type: 'date', nullable: true }) documentDate!: string | null;
  @Column({ type: 'text' }) issuer!: string;
  @Column({ name: 'issuer_level', type: 'text' }) issuerLevel!: string;
  @Column({ type: 'boolean' }) readable!: boolean;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'text', nullable: true }) code!: string | null;
  @Column({ name: 'also_serves_as', type: 'text', array: true, nullable: true }) alsoServesAs!: string[] | null;
}

export const DOSSIER_CHILD_ENTITIES = [
  DossierJudgmentEntity,
  DossierOffenceEntity,
  DossierIntervalEntity,
  DossierReductionEntity,
  DossierConductRatingEntity,
  DossierDisciplineEntity,
  DossierPriorConvictionEntity,
  DossierObligationEntity,
  DossierEnforcementDecisionEntity,
  DossierSpecialCircumstanceEntity,
  DossierEvidenceDocumentEntity,
];
