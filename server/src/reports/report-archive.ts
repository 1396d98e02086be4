import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ArchivedReport, AssessmentReport } from '@huifang/shared';
import { runRawSql, storedInstant } from '../core/database/raw-sql';
import { WriteTransaction } from '../core/database/write-transaction';

/** Department 0 in the archive: the whole hospital. */
const HOSPITAL = 0;

const UPSERT = `INSERT INTO assessment_report (month, department_id, generated_at, generated_by, report) VALUES ($1, $2, $3, $4, $5)`;

/**
 * The stored, frozen reports. A report is stored once per month and department: a second store
 * (another instance's schedule, two first views at once) is ignored, and only `replace` (regenerate)
 * overwrites one. A stored report does not change the indicators' reads (no cache invalidation).
 */
@Injectable()
export class ReportArchive {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteTransaction,
  ) {}

  async find(month: string, departmentId: number | null): Promise<AssessmentReport | null> {
    const [row] = (await runRawSql(this.dataSource.manager, `SELECT report FROM assessment_report WHERE month = $1 AND department_id = $2`, [
      month,
      departmentId ?? HOSPITAL,
    ])) as { report: string }[];
    return row ? { ...(JSON.parse(row.report) as AssessmentReport), stored: true } : null;
  }

  /** Which of these departments (null: the hospital) have a stored report of the month. */
  async storedOf(month: string): Promise<Set<number | null>> {
    const rows = (await runRawSql(this.dataSource.manager, `SELECT department_id FROM assessment_report WHERE month = $1`, [month])) as { department_id: number }[];
    return new Set(rows.map((r) => (Number(r.department_id) === HOSPITAL ? null : Number(r.department_id))));
  }

  /** Stores the report unless one of its month and department is stored already; answers the stored one. */
  async storeIfAbsent(report: AssessmentReport): Promise<AssessmentReport> {
    await this.writes.run((manager) => runRawSql(manager, `${UPSERT} ON CONFLICT (month, department_id) DO NOTHING`, this.values(report)), { changesReads: false });
    return (await this.find(report.month, report.departmentId)) ?? report;
  }

  /** Replaces the stored report (regenerate), in the caller's transaction with its audit entry. */
  replace(report: AssessmentReport, manager: EntityManager): Promise<unknown> {
    return runRawSql(
      manager,
      `${UPSERT} ON CONFLICT (month, department_id) DO UPDATE SET generated_at = excluded.generated_at, generated_by = excluded.generated_by, report = excluded.report`,
      this.values(report),
    );
  }

  async list(): Promise<ArchivedReport[]> {
    const rows = (await this.dataSource.query(
      `SELECT r.month, r.department_id, r.generated_at, r.generated_by, d.name AS department_name, s.display_name AS generated_by_name
         FROM assessment_report r
         LEFT JOIN department d ON d.id = r.department_id
         LEFT JOIN staff_user s ON s.id = r.generated_by
        ORDER BY r.month DESC, r.department_id`,
    )) as { month: string; department_id: number; generated_at: Date | string; generated_by: number | null; department_name: string | null; generated_by_name: string | null }[];
    return rows.map((r) => ({
      month: r.month,
      departmentId: Number(r.department_id) === HOSPITAL ? null : Number(r.department_id),
      departmentName: r.department_name,
      generatedAt: storedInstant(r.generated_at).toISOString(),
      generatedBy: r.generated_by === null ? null : { id: Number(r.generated_by), name: r.generated_by_name ?? '' },
    }));
  }

  private values(report: AssessmentReport): unknown[] {
    return [report.month, report.departmentId ?? HOSPITAL, new Date(report.generatedAt), report.generatedBy?.id ?? null, JSON.stringify({ ...report, stored: true })];
  }
}
