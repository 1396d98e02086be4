import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { AppConfig } from '../core/config/app-config';
import { runRawSql } from '../core/database/raw-sql';
import { WriteTransaction } from '../core/database/write-transaction';
import { addDays, calendarDayOf, callbackPriorityRank } from '@huifang/shared';
import { CALLABLE_PATIENT_SQL } from './callable-patient';
import { FollowUpRulesService } from './follow-up-rules.service';
import { MissedRevisitNudges } from './missed-revisit-nudges';

const EVERY_FIVE_MINUTES = 5 * 60_000;
/** Expected returns missed longer ago than this are churn, not a win-back call (and a first install is not flooded). */
const LOOKBACK_DAYS = 90;

/**
 * Every few minutes (and at start-up): a `missed_revisit` call for each patient whose expected return
 * plus the rule's days has passed with no visit, with a `missed_revisit_nudge` message to the patient
 * (missed-revisit-nudges.ts), and cancelling reminders of patients who came back. One set-based
 * INSERT … SELECT … ON CONFLICT DO NOTHING: the unique (kind, source_key) index makes a second run,
 * or a second server process running it at the same moment, add nothing.
 */
@Injectable()
export class MissedRevisitJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(MissedRevisitJob.name);

  constructor(
    private readonly writes: WriteTransaction,
    private readonly rules: FollowUpRulesService,
    private readonly config: AppConfig,
    private readonly nudges: MissedRevisitNudges,
  ) {}

  /** A failure at start-up (e.g. a busy SQLite database: a 503) must not abort it: the next run retries. */
  async onApplicationBootstrap(): Promise<void> {
    await this.tick();
  }

  /** Logs the error (codes and messages, never query parameters: see error-serializer.ts), not the patients concerned. */
  @Interval(EVERY_FIVE_MINUTES)
  async tick(): Promise<void> {
    await this.run().catch((error: unknown) => this.logger.error({ err: error }, 'missed-revisit job failed; the next run retries'));
  }

  async run(now = new Date()): Promise<void> {
    await this.writes.run(async (manager) => {
      const settings = await this.rules.settings(manager);
      const rule = settings.missed_revisit;
      const today = calendarDayOf(now, this.config.timeZone);
      if (rule?.enabled) {
        const opened = (await runRawSql(
          manager,
          `INSERT INTO callback (patient_id, kind, priority, priority_rank, status, due_at, reason, source_key, expected_on, department_id, attempt_count, created_at, updated_at)
           SELECT p.id, 'missed_revisit', $1, $2, 'pending', $3, NULL, 'due:' || p.id || ':' || p.next_visit_due, p.next_visit_due, p.last_department_id, 0, $4, $5
           FROM patient p
           WHERE p.next_visit_due < $6 AND p.next_visit_due >= $7
             AND (p.last_visit_on IS NULL OR p.last_visit_on < p.next_visit_due)
             AND ${CALLABLE_PATIENT_SQL}
           ON CONFLICT DO NOTHING
           RETURNING patient_id, expected_on`,
          [rule.priority, callbackPriorityRank(rule.priority), now, now, now, addDays(today, -rule.offset), addDays(today, -rule.offset - LOOKBACK_DAYS)],
        )) as { patient_id: number; expected_on: string }[];
        // Only the calls this run opened (a second run, or another instance's, opens none) get their message.
        await this.nudges.nudge(manager, opened.map((r) => ({ patientId: Number(r.patient_id), expectedOn: r.expected_on })), now);
      }
      await runRawSql(
        manager,
        `UPDATE callback SET status = 'cancelled', cancel_reason = 'patient returned', claimed_by = NULL, claim_expires_at = NULL, updated_at = $1
         WHERE status IN ('pending', 'claimed') AND kind IN ('revisit_reminder', 'missed_revisit')
           AND EXISTS (SELECT 1 FROM patient p WHERE p.id = callback.patient_id AND p.last_visit_on >= callback.expected_on)`,
        [now],
      );
    });
  }
}
