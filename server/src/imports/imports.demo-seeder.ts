import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, calendarDayOf, type ImportColumnMapping, type ImportRowError, type ImportSummary } from '@huifang/shared';
import { DataSource } from 'typeorm';
import { insertChunked } from '../core/database/bulk-insert';
import { WriteTransaction } from '../core/database/write-transaction';
import type { DemoSeeder } from '../demo/demo-seeder';
import { EncounterEntity } from '../encounters/encounter.entity';
import { HospitalSettingsService } from '../hospital-settings/hospital-settings.service';
import { StaffUserEntity } from '../users/user.entity';
import { ImportJobEntity } from './import-job.entity';
import { ImportMappingEntity } from './import-mapping.entity';
import { ImportRowErrorEntity } from './import-row-error.entity';

/** The demo hospital started with Huifang this many days ago; its visits before then came from the HIS. */
const ADOPTED_DAYS_AGO = 180;
const DEMO_MAPPING_NAME = '门诊月报';
/** The HIS export's headers, as the saved mapping remembers them (the README's example file has them). */
const DEMO_MAPPING: ImportColumnMapping = {
  patientNumber: '病历号',
  patientName: '姓名',
  phone: '手机号',
  gender: '性别',
  birthDate: '出生日期',
  visitNumber: '就诊号',
  department: '科室',
  clinician: '医生',
  checkedInAt: '挂号时间',
  calledAt: '叫号时间',
  finishedAt: '结束时间',
  nextVisitDue: '复诊日期',
  charge: '费用',
};
/** Made-up rows the import refused, one of each common kind (no real patient's data). */
const DEMO_ROW_ERRORS: ImportRowError[] = [
  { row: 37, field: 'phone', problem: 'bad_phone', value: '1391234567' },
  { row: 112, field: 'department', problem: 'unknown_department', value: '针灸推拿科' },
  { row: 254, field: 'finishedAt', problem: 'times_out_of_order', value: '2025-03-02 07:50' },
  { row: 301, field: 'visitNumber', problem: 'duplicate_visit_number', value: 'V20250301-0042' },
];
/** About what one CSV row of such an export weighs, for the job's byte counts. */
const BYTES_PER_ROW = 96;

/**
 * One finished historical import, so a new user sees on the Import page what one looks like: the
 * demo visits from before the hospital "adopted" Huifang are linked to it, with a summary, a few
 * refused rows and the mapping it was run with.
 */
@Injectable()
export class ImportsDemoSeeder implements DemoSeeder {
  readonly feature = 'a finished historical import';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteTransaction,
    private readonly hospital: HospitalSettingsService,
  ) {}

  async seed(): Promise<void> {
    const { timeZone } = await this.hospital.current();
    const now = new Date();
    const adoptedOn = addDays(calendarDayOf(now, timeZone), -ADOPTED_DAYS_AGO);
    const finishedAt = new Date(now.getTime() - ADOPTED_DAYS_AGO * 86_400_000);
    const admin = await this.dataSource.getRepository(StaffUserEntity).findOneBy({ username: 'admin' });

    await this.writes.run(async (manager) => {
      const job = await manager.save(
        manager.create(ImportJobEntity, {
          format: 'csv',
          fileName: 'HIS门诊就诊记录_2025.csv',
          filePath: '',
          encoding: 'gb18030',
          mappingName: DEMO_MAPPING_NAME,
          status: 'done',
          createdBy: admin?.id ?? null,
          createdAt: new Date(finishedAt.getTime() - 95_000),
          startedAt: new Date(finishedAt.getTime() - 90_000),
          finishedAt,
        }),
      );
      await manager
        .createQueryBuilder()
        .update(EncounterEntity)
        .set({ importJobId: job.id })
        .where('checked_in_on < :adoptedOn', { adoptedOn })
        .execute();
      const linked = await manager
        .getRepository(EncounterEntity)
        .createQueryBuilder('e')
        .select('COUNT(*)', 'encounters')
        .addSelect('COUNT(DISTINCT e.patient_id)', 'patients')
        .where('e.import_job_id = :jobId', { jobId: job.id })
        .getRawOne<{ encounters: string | number; patients: string | number }>();
      const encounters = Number(linked?.encounters ?? 0);
      const patients = Number(linked?.patients ?? 0);
      const summary: ImportSummary = {
        patients: { created: patients, updated: 0, unchanged: 0, failed: 1 },
        encounters: { created: encounters, updated: 0, unchanged: 0, failed: DEMO_ROW_ERRORS.length - 1 },
        skippedByType: {},
        unmappedDepartments: [],
        errorCount: DEMO_ROW_ERRORS.length,
      };
      const rows = encounters + DEMO_ROW_ERRORS.length;
      await manager.update(ImportJobEntity, job.id, {
        rowsDone: rows,
        bytesDone: String(rows * BYTES_PER_ROW),
        bytesTotal: String(rows * BYTES_PER_ROW),
        summary: JSON.stringify(summary),
      });
      await insertChunked(
        manager,
        ImportRowErrorEntity,
        DEMO_ROW_ERRORS.map((error) => ({ jobId: job.id, ...error })),
      );
      await manager.save(
        manager.create(ImportMappingEntity, {
          name: DEMO_MAPPING_NAME,
          mapping: JSON.stringify(DEMO_MAPPING),
          updatedAt: finishedAt,
          updatedBy: admin?.id ?? null,
        }),
      );
    });
  }
}
