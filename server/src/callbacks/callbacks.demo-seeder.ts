import { fakerZH_CN as faker } from '@faker-js/faker';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThan, Not } from 'typeorm';
import type { AttemptOutcome } from '@huifang/shared';
import { AppConfig } from '../core/config/app-config';
import { insertChunked } from '../core/database/bulk-insert';
import { WriteTransaction } from '../core/database/write-transaction';
import type { DemoSeeder } from '../demo/demo-seeder';
import { EncounterEntity } from '../encounters/encounter.entity';
import { PatientEntity } from '../patients/patient.entity';
import { StageTransitionEntity } from '../patients/stage-transition.entity';
import { StaffUserEntity } from '../users/user.entity';
import { CallbackAttemptEntity } from './callback-attempt.entity';
import { CallbackEntity } from './callback.entity';
import { FollowUpRulesService } from './follow-up-rules.service';
import { MissedRevisitJob } from './missed-revisit.job';
import { backfillCompletedAt } from './completion-time';
import { insertCallbacks } from './insert-callbacks';
import { rehabilitationCallbacks, revisitReminder, type NewCallback } from './rule-schedule';

/** Calls due in the last day or two are still waiting in the queue; older ones were worked. */
const STILL_OPEN_MS = 2 * 86_400_000;

/**
 * A year of callbacks made by running the follow-up rules over the demo history (the same schedule
 * code as live firing), then working the past ones with realistic outcomes.
 */
@Injectable()
export class CallbacksDemoSeeder implements DemoSeeder {
  readonly feature = 'follow-up callbacks from the rules';
  private readonly logger = new Logger(CallbacksDemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteTransaction,
    private readonly rules: FollowUpRulesService,
    private readonly missedRevisits: MissedRevisitJob,
    private readonly config: AppConfig,
  ) {}

  async seed(): Promise<void> {
    faker.seed(777);
    const now = new Date();
    const tz = this.config.timeZone;
    const settings = await this.rules.settings(this.dataSource.manager);
    const declined = new Set(
      (await this.dataSource.getRepository(PatientEntity).find({ select: { id: true }, where: { consentCalls: false } })).map((p) => p.id),
    );
    const patients = new Map(
      (await this.dataSource.getRepository(PatientEntity).find({ select: { id: true, lastDepartmentId: true } })).map((p) => [p.id, p]),
    );
    const planned: NewCallback[] = [];
    for (const t of await this.dataSource.getRepository(StageTransitionEntity).findBy({ toStage: 'rehabilitation' })) {
      if (declined.has(t.patientId)) continue;
      const trigger = { transitionId: t.id, patientId: t.patientId, at: t.at, departmentId: patients.get(t.patientId)?.lastDepartmentId ?? null };
      planned.push(...rehabilitationCallbacks(settings, trigger, tz));
    }
    for (const e of await this.dataSource.getRepository(EncounterEntity).findBy({ nextVisitDue: Not(IsNull()) })) {
      if (declined.has(e.patientId) || !e.finishedAt) continue;
      const trigger = { encounterId: e.id, patientId: e.patientId, departmentId: e.departmentId, nextVisitDue: e.nextVisitDue as string, now: e.finishedAt };
      const reminder = revisitReminder(settings, trigger, tz);
      if (reminder) planned.push(reminder);
    }
    await this.writes.run(async (manager) => {
      for (let i = 0; i < planned.length; i += 300) await insertCallbacks(manager, planned.slice(i, i + 300));
    });
    await this.workPastCalls(now);
    await this.writes.run(backfillCompletedAt);
    // Today's state: win-back calls for missed returns, reminders of patients who came back cancelled.
    await this.missedRevisits.run(now);
    const counts = await this.dataSource
      .getRepository(CallbackEntity)
      .createQueryBuilder('c')
      .select('c.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .groupBy('c.status')
      .getRawMany<{ status: string; n: string }>();
    this.logger.log(`demo callbacks: ${counts.map((c) => `${c.status} ${c.n}`).join(', ')}`);
  }

  /** What the front desk did with the calls that fell due before the last two days. */
  private async workPastCalls(now: Date): Promise<void> {
    const staff = (await this.dataSource.getRepository(StaffUserEntity).findBy({ role: 'front_desk' })).map((u) => u.id);
    const past = await this.dataSource.getRepository(CallbackEntity).findBy({
      status: 'pending',
      dueAt: LessThan(new Date(now.getTime() - STILL_OPEN_MS)),
    });
    const attempts: Partial<CallbackAttemptEntity>[] = [];
    await this.writes.run(async (manager) => {
      for (const callback of past) {
        const roll = faker.number.float();
        if (roll < 0.05) {
          await manager.update(CallbackEntity, { id: callback.id }, { status: 'cancelled', cancelReason: '患者已在其他医院复诊' });
          continue;
        }
        const unanswered = roll < 0.2 ? faker.number.int({ min: 1, max: 3 }) : faker.number.float() < 0.3 ? 1 : 0;
        const final: AttemptOutcome =
          unanswered === 3 ? 'no_answer' : faker.helpers.weightedArrayElement([
            { value: 'reached' as const, weight: 88 },
            { value: 'declined' as const, weight: 7 },
            { value: 'wrong_number' as const, weight: 5 },
          ]);
        const outcomes: AttemptOutcome[] = [...Array<AttemptOutcome>(Math.min(unanswered, 3)).fill('no_answer'), ...(unanswered === 3 ? [] : [final])];
        outcomes.forEach((outcome, i) =>
          attempts.push({
            callbackId: callback.id,
            at: new Date(callback.dueAt.getTime() + (i * 24 + faker.number.int({ min: 0, max: 6 })) * 3_600_000),
            staffId: faker.helpers.arrayElement(staff),
            outcome,
            note: outcome === 'reached' && faker.number.float() < 0.3 ? faker.helpers.arrayElement(['恢复良好', '已预约下周复诊', '提醒按时服药', '患者表示满意']) : null,
          }),
        );
        await manager.update(CallbackEntity, { id: callback.id }, {
          status: unanswered === 3 ? 'failed' : 'completed',
          outcome: final,
          attemptCount: outcomes.length,
        });
      }
      await insertChunked(manager, CallbackAttemptEntity, attempts);
    });
  }
}
