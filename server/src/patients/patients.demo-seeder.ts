import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { insertChunked, moveSequencesPastIds } from '../core/database/bulk-insert';
import { backfillReturnExpectations } from '../encounters/return-expectations';
import { withChurnOrderDeferred } from '../encounters/churn-order';
import { rebuildWaitHistograms } from '../encounters/wait-histogram';
import { WriteTransaction } from '../core/database/write-transaction';
import { DepartmentEntity } from '../departments/department.entity';
import type { DemoSeeder } from '../demo/demo-seeder';
import { EncounterEntity } from '../encounters/encounter.entity';
import { StaffUserEntity } from '../users/user.entity';
import { generateDemoJourneys } from './demo/demo-journeys';
import { PatientEntity } from './patient.entity';
import { statusClock, statusExpression } from './relationship-status';
import { HospitalSettingsService } from '../hospital-settings/hospital-settings.service';
import { StageTransitionEntity } from './stage-transition.entity';

const DEMO_PATIENTS = 2000;

/** About 2,000 patients with twelve months of encounters and stage histories (see demo-journeys.ts). */
@Injectable()
export class PatientsDemoSeeder implements DemoSeeder {
  readonly feature = 'patients, stage histories and encounters';
  private readonly logger = new Logger(PatientsDemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteTransaction,
    private readonly hospital: HospitalSettingsService,
  ) {}

  /** The hospital's settings as an admin may have changed them, not the start-up defaults. */
  async seed(): Promise<void> {
    const settings = await this.hospital.current();
    const departments = await this.dataSource.getRepository(DepartmentEntity).find();
    const staff = await this.dataSource.getRepository(StaffUserEntity).findBy({ role: 'front_desk' });
    const journeys = generateDemoJourneys({
      now: new Date(),
      timeZone: settings.timeZone,
      patients: DEMO_PATIENTS,
      departments,
      staffIds: staff.map((u) => u.id),
    });
    await this.writes.run(async (manager) => {
      await insertChunked(manager, PatientEntity, journeys.patients);
      await withChurnOrderDeferred(manager, async () => {
        await insertChunked(manager, EncounterEntity, journeys.encounters);
        await backfillReturnExpectations(manager);
      });
      await rebuildWaitHistograms(manager);
      await insertChunked(manager, StageTransitionEntity, journeys.transitions);
      await moveSequencesPastIds(manager, ['patient', 'encounter', 'stage_transition']);
    });
    const counts = await this.dataSource
      .getRepository(PatientEntity)
      .createQueryBuilder('p')
      .select(statusExpression('p'), 'status')
      .addSelect('COUNT(*)', 'n')
      .setParameters(statusClock(settings.timeZone, settings.returnGraceDays))
      .groupBy('status')
      .getRawMany<{ status: string; n: string }>();
    this.logger.log(
      `demo patients: ${journeys.patients.length}, encounters: ${journeys.encounters.length}; ` +
        counts.map((c) => `${c.status} ${c.n}`).join(', '),
    );
  }
}
