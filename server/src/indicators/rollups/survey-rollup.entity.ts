import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '../../core/database/column-types';

/*
 * The satisfaction rollup (see survey-rollup.ts). Written and read with SQL only; declared so the
 * schema has no table the entities do not know.
 */

const figure = (name: string) => Column({ name, type: 'integer' });
const fftFigure = (name: string) => Column({ name, type: 'integer', default: 0 });

/** Per hospital day, department and template: responses and their NPS/CSAT values; invitations created and answered. */
@Entity('survey_daily')
export class SurveyDailyEntity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @PrimaryColumn({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @PrimaryColumn({ name: 'template_id', type: 'integer' })
  templateId!: number;

  @figure('responses') responses!: number;
  @figure('nps_0') nps0!: number;
  @figure('nps_1') nps1!: number;
  @figure('nps_2') nps2!: number;
  @figure('nps_3') nps3!: number;
  @figure('nps_4') nps4!: number;
  @figure('nps_5') nps5!: number;
  @figure('nps_6') nps6!: number;
  @figure('nps_7') nps7!: number;
  @figure('nps_8') nps8!: number;
  @figure('nps_9') nps9!: number;
  @figure('nps_10') nps10!: number;
  @figure('csat_1') csat1!: number;
  @figure('csat_2') csat2!: number;
  @figure('csat_3') csat3!: number;
  @figure('csat_4') csat4!: number;
  @figure('csat_5') csat5!: number;
  @figure('invitations') invitations!: number;
  @figure('answered') answered!: number;
  /** FFT answers by code (1 very good … 6 don't know; shared/fft.ts), added by migration 1766150000000. */
  @fftFigure('fft_1') fft1!: number;
  @fftFigure('fft_2') fft2!: number;
  @fftFigure('fft_3') fft3!: number;
  @fftFigure('fft_4') fft4!: number;
  @fftFigure('fft_5') fft5!: number;
  @fftFigure('fft_6') fft6!: number;
}

/** What the triggers on `survey_response` and `survey_invitation` saw change, not yet in the rollup (-1 old, +1 new). */
@Entity('survey_rollup_journal')
export class SurveyRollupJournalEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  sign!: number;

  /** A response's submission day; null for an invitation's figures. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  day!: string | null;

  /** An invitation's creation instant; null for a response. */
  @Column(timestampColumn({ name: 'created_at', nullable: true }))
  createdAt!: Date | null;

  @Column({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @Column({ name: 'template_version_id', type: 'integer' })
  templateVersionId!: number;

  @Column({ type: 'integer', nullable: true })
  nps!: number | null;

  @Column({ type: 'integer', nullable: true })
  csat!: number | null;

  @Column({ type: 'integer' })
  invited!: number;

  @Column({ type: 'integer' })
  answered!: number;

  /** A response's FFT code (1-6), if it has one. */
  @Column({ type: 'integer', nullable: true })
  fft!: number | null;
}
