import { Check, Column, Entity, ForeignKey, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { FFT_SCALE, SCALE, SURVEY_LANGUAGES, type CommentSentiment, type SurveyLanguage } from '@huifang/shared';
import { isBetween, isOneOf } from '../core/database/check-expressions';
import { timestampColumn } from '../core/database/column-types';
import { DepartmentEntity } from '../departments/department.entity';
import { EncounterEntity } from '../encounters/encounter.entity';
import { PatientEntity } from '../patients/patient.entity';
import { SurveyAnswerEntity } from './survey-answer.entity';
import { SurveyInvitationEntity } from './survey-invitation.entity';
import { SurveyTemplateVersionEntity } from './survey-template-version.entity';

/**
 * One submitted survey. NPS, CSAT and the FFT answer are copied out of the answers for indexed
 * indicator queries. Imported historical feedback (imports/feedback/) has no invitation, encounter
 * or patient: those three are null on it, and `import_key` names its source row instead.
 */
@Entity('survey_response')
@Index('IDX_response_submitted', ['submittedAt'])
@Index('IDX_response_department_submitted', ['departmentId', 'submittedAt'])
@Index('IDX_response_patient', ['patientId', 'submittedAt'])
@Index('IDX_response_day_department', ['submittedOn', 'departmentId', 'nps', 'csat'])
@Index('IDX_response_nps', ['nps', 'id'])
@Index('IDX_response_csat', ['csat', 'id'])
// A visit's responses, for the drivers rollup's trigger when the visit's wait changes (migration 1766040000000).
@Index('IDX_response_encounter', ['encounterId'])
@Check(isBetween('nps', SCALE.nps))
@Check(isBetween('csat', SCALE.csat))
@Index('UQ_response_import_key', ['importKey'], { unique: true })
@Check(isOneOf('language', SURVEY_LANGUAGES))
@Check(isBetween('fft', FFT_SCALE))
export class SurveyResponseEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'invitation_id', type: 'integer', unique: true, nullable: true })
  @ForeignKey(() => SurveyInvitationEntity)
  invitationId!: number | null;

  @Column({ name: 'encounter_id', type: 'integer', nullable: true })
  @ForeignKey(() => EncounterEntity)
  encounterId!: number | null;

  @Column({ name: 'patient_id', type: 'integer', nullable: true })
  patientId!: number | null;

  @ManyToOne(() => PatientEntity)
  @JoinColumn({ name: 'patient_id' })
  patient?: PatientEntity;

  @Column({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @ManyToOne(() => DepartmentEntity)
  @JoinColumn({ name: 'department_id' })
  department?: DepartmentEntity;

  @Column({ name: 'template_version_id', type: 'integer' })
  templateVersionId!: number;

  @ManyToOne(() => SurveyTemplateVersionEntity)
  @JoinColumn({ name: 'template_version_id' })
  templateVersion?: SurveyTemplateVersionEntity;

  @Column(timestampColumn({ name: 'submitted_at' }))
  submittedAt!: Date;

  /** Hospital-time-zone day of submission. */
  @Column({ name: 'submitted_on', type: 'varchar', length: 10 })
  submittedOn!: string;

  @Column({ type: 'integer', nullable: true })
  nps!: number | null;

  @Column({ type: 'integer', nullable: true })
  csat!: number | null;

  /** The NHS Friends and Family Test answer, 1 very good … 6 don't know (shared/fft.ts); never an NPS answer. */
  @Column({ type: 'integer', nullable: true })
  fft!: number | null;

  /** The source row of imported feedback (`nhs_fft:<Comment ID>`): importing the same file again adds nothing. */
  @Column({ name: 'import_key', type: 'varchar', length: 255, nullable: true })
  importKey!: string | null;

  /** Any answer at or below the service-recovery threshold (not the NPS detractor, NPS_DETRACTOR_MAX and below). */
  @Column({ name: 'needs_recovery', type: 'boolean' })
  needsRecovery!: boolean;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'varchar', length: 2 })
  language!: SurveyLanguage;

  /**
   * The comment's tone as the tagger read it (themes/): one of COMMENT_SENTIMENTS, written by the
   * tagger only (no CHECK, so SQLite need not rebuild the table); null without a comment or before tagging.
   */
  @Column({ name: 'comment_sentiment', type: 'varchar', length: 13, nullable: true })
  commentSentiment!: CommentSentiment | null;

  /** The tagger (themes/tagger-version.ts) that tagged the comment: a different one means stale, for the re-tag job. */
  @Column({ name: 'tagger_version', type: 'varchar', length: 16, nullable: true })
  taggerVersion!: string | null;

  @OneToMany(() => SurveyAnswerEntity, (answer) => answer.response)
  answers?: SurveyAnswerEntity[];
}
