import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { shiftMonth } from '@huifang/shared';
import { RollupsService } from '../indicators/rollups/rollups.service';
import { readPassState } from '../relationship/relationship-inputs';
import { AssessmentReportsService } from './assessment-reports.service';
import { ReportArchive } from './report-archive';

/**
 * How often the schedule looks for a month whose reports are due (a look that finds them stored costs
 * two small queries); the first look shortly after start-up. Each minute, so that the reports follow
 * the day's relationship pass (which a large hospital's start-up takes half a minute or more to run) closely.
 */
const LOOK_EVERY_MS = 60_000;
const FIRST_LOOK_MS = 3_000;

/**
 * The monthly schedule: from the first day of a month (hospital time zone), the previous month's
 * reports (the hospital and each department) are generated and stored, once the day's relationship
 * pass has run (so the month's last phase migration and equity snapshot are in) and the rollups are
 * built. A server that was down on the 1st catches up at its next look. Idempotent and safe with
 * several instances: a report already stored is skipped, and two instances storing the same one at
 * once keep the first (unique key, insert-or-ignore; see report-archive.ts).
 */
@Injectable()
export class ReportSchedule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReportSchedule.name);
  private readonly timers: NodeJS.Timeout[] = [];
  private running = false;

  constructor(
    private readonly reports: AssessmentReportsService,
    private readonly archive: ReportArchive,
    private readonly rollups: RollupsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.timers.push(setTimeout(() => void this.tick(), FIRST_LOOK_MS), setInterval(() => void this.tick(), LOOK_EVERY_MS));
    for (const timer of this.timers) timer.unref();
  }

  onModuleDestroy(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.runDue();
    } catch (error) {
      this.logger.error({ err: error }, 'monthly reports failed; the next look retries');
    } finally {
      this.running = false;
    }
  }

  /**
   * Stores the previous month's missing reports; answers how many this call stored (0 when not yet
   * due, or all are stored).
   */
  async runDue(): Promise<number> {
    const today = this.reports.today();
    const pass = await readPassState(this.dataSource.manager);
    if (!this.rollups.built || !pass || pass.computedOn < today) return 0;
    const month = shiftMonth(today.slice(0, 7), -1);
    const departments = await this.reports.departments();
    const stored = await this.archive.storedOf(month);
    let storedNow = 0;
    for (const department of [null, ...departments].filter((d) => !stored.has(d?.id ?? null))) {
      // Another instance may have stored it meanwhile: the archive keeps the first (storeIfAbsent).
      const report = await this.reports.generate(month, department, departments, null);
      if ((await this.archive.storeIfAbsent(report)).generatedAt === report.generatedAt) storedNow += 1;
    }
    if (storedNow > 0) this.logger.log(`stored ${storedNow} assessment reports of ${month}`);
    return storedNow;
  }
}
