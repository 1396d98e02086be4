import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { GENDERS, LIFECYCLE_STAGES, RELATIONSHIP_PHASES, VALUE_TIERS, type Gender, type LifecycleStage, type RelationshipPhase, type SurveyLanguage, type ValueTier } from '@huifang/shared';
import { isOneOf } from '../core/database/check-expressions';
import { timestampColumn, timestampColumnDefaultNow } from '../core/database/column-types';
import { DepartmentEntity } from '../departments/department.entity';
import { StaffUserEntity } from '../users/user.entity';

/**
 * A patient. `stage`, `lastVisitOn` and `nextVisitDue` are kept in step with the append-only
 * transition history and the encounters, in the same transaction as them, so that lists can filter
 * by stage and by derived relationship status with indexed queries.
 */
@Entity('patient')
// Partial: imported patients without a mobile number (and erased ones) have phone '' and may share a name.
@Index('UQ_patient_phone_name', ['phone', 'name'], { unique: true, where: "phone <> ''" })
@Index('IDX_patient_last_visit', ['lastVisitOn', 'id'])
@Check(isOneOf('stage', LIFECYCLE_STAGES))
@Check(isOneOf('gender', GENDERS))
@Check(isOneOf('phase', RELATIONSHIP_PHASES))
@Check(isOneOf('value_tier', VALUE_TIERS))
@Index('IDX_patient_phase_tier', ['phase', 'valueTier', 'id'])
@Index('IDX_patient_value', ['valueScore', 'id'])
export class PatientEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('IDX_patient_name')
  @Column({ type: 'varchar', length: 50 })
  name!: string;

  /** 11 digits, normalised; empty once the patient is erased (see `erasedAt`) or when an import brought none. */
  @Index('IDX_patient_phone')
  @Column({ type: 'varchar', length: 11 })
  phone!: string;

  /** For outreach by email; null for most patients, and once erased. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 10, default: 'unknown' })
  gender!: Gender;

  @Column({ name: 'birth_date', type: 'varchar', length: 10, nullable: true })
  birthDate!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** The last transition's `to`. */
  @Index('IDX_patient_stage')
  @Column({ type: 'varchar', length: 20 })
  stage!: LifecycleStage;

  @Column(timestampColumn({ name: 'stage_since' }))
  stageSince!: Date;

  /** Calendar day of the latest check-in (hospital time zone). */
  @Column({ name: 'last_visit_on', type: 'varchar', length: 10, nullable: true })
  lastVisitOn!: string | null;

  /** The expected return date in force: set by the latest finished encounter that named one. */
  @Index('IDX_patient_next_visit_due')
  @Column({ name: 'next_visit_due', type: 'varchar', length: 10, nullable: true })
  nextVisitDue!: string | null;

  @Index('IDX_patient_last_department')
  @Column({ name: 'last_department_id', type: 'integer', nullable: true })
  @ForeignKey(() => DepartmentEntity)
  lastDepartmentId!: number | null;

  /** The patient's latest survey answer was a detractor (DOMAIN.md: makes them at risk). */
  @Column({ name: 'latest_survey_detractor', type: 'boolean', default: false })
  latestSurveyDetractor!: boolean;

  /*
   * Relationship phase and value (DOMAIN.md; relationship/): worked out from the record by the
   * relationship pass, never typed in. A patient with no encounters is in exploration with value 0.
   */
  @Column({ type: 'varchar', length: 12, default: 'exploration' })
  phase!: RelationshipPhase;

  /** The day the current phase began; null until the first pass saw the patient. */
  @Column({ name: 'phase_since', type: 'varchar', length: 10, nullable: true })
  phaseSince!: string | null;

  /** 0-100, one decimal. */
  @Column({ name: 'value_score', type: 'double precision', default: 0 })
  valueScore!: number;

  @Column({ name: 'value_tier', type: 'varchar', length: 6, default: 'low' })
  valueTier!: ValueTier;

  /** In yuan, or in expected visits where no visit carries a charge (the unit is hospital-wide: relationship_state). */
  @Column({ type: 'double precision', default: 0 })
  clv!: number;

  /** When the patient was last invited to a survey (invitations are spaced out). */
  @Column(timestampColumn({ name: 'last_survey_invited_at', nullable: true }))
  lastSurveyInvitedAt!: Date | null;

  @Column({ name: 'consent_calls', type: 'boolean', nullable: true })
  consentCalls!: boolean | null;

  @Column(timestampColumn({ name: 'consent_calls_at', nullable: true }))
  consentCallsAt!: Date | null;

  @Column({ name: 'consent_calls_by', type: 'integer', nullable: true })
  @ForeignKey(() => StaffUserEntity, { onDelete: 'SET NULL' })
  consentCallsBy!: number | null;

  @Column({ name: 'consent_surveys', type: 'boolean', nullable: true })
  consentSurveys!: boolean | null;

  @Column(timestampColumn({ name: 'consent_surveys_at', nullable: true }))
  consentSurveysAt!: Date | null;

  @Column({ name: 'consent_surveys_by', type: 'integer', nullable: true })
  @ForeignKey(() => StaffUserEntity, { onDelete: 'SET NULL' })
  consentSurveysBy!: number | null;

  @Column({ name: 'created_by', type: 'integer', nullable: true })
  @ForeignKey(() => StaffUserEntity, { onDelete: 'SET NULL' })
  createdBy!: number | null;

  /** The language of their survey links (`SURVEY_LANGUAGES`, checked by the API); null = the phone's. */
  @Column({ name: 'preferred_language', type: 'varchar', length: 2, nullable: true })
  preferredLanguage!: SurveyLanguage | null;

  /** When the personal data was erased (name pseudonymised, phone emptied); null while kept. */
  @Column(timestampColumn({ name: 'erased_at', nullable: true }))
  erasedAt!: Date | null;

  @CreateDateColumn(timestampColumnDefaultNow({ name: 'created_at' }))
  createdAt!: Date;

  @UpdateDateColumn(timestampColumnDefaultNow({ name: 'updated_at' }))
  updatedAt!: Date;
}
