import { Injectable } from '@nestjs/common';
import type { LiveBoard } from '@huifang/shared';
import { AppConfig } from '../core/config/app-config';
import { addDays, calendarDayOf, startOfCalendarDay } from '@huifang/shared';
import { num, round1 } from './indicator-scope';
import { IndicatorSqlProvider } from './indicator-sql.provider';
import { nearestRankSql } from './nearest-rank';

/** The front desk's board for today: who is waiting, median wait so far per department, calls due. */
@Injectable()
export class LiveBoardService {
  constructor(
    private readonly sqlProvider: IndicatorSqlProvider,
    private readonly config: AppConfig,
  ) {}

  async board(now = new Date()): Promise<LiveBoard> {
    const sql = this.sqlProvider.get();
    const today = calendarDayOf(now, this.config.timeZone);
    const departments = await sql.query<Record<string, unknown>>(
      `SELECT d.id AS id, d.name AS name,
              (SELECT COUNT(*) FROM encounter e
                WHERE e.department_id = d.id AND e.checked_in_on = :today AND e.called_at IS NULL AND e.finished_at IS NULL) AS waiting
         FROM department d WHERE d.active = TRUE ORDER BY d.id`,
      { today },
    );
    const waits = await sql.query<Record<string, unknown>>(
      nearestRankSql(
        `SELECT e.department_id AS g, e.wait_seconds AS v, COUNT(*) AS c FROM encounter e
          WHERE e.checked_in_on = :today AND e.wait_seconds IS NOT NULL GROUP BY 1, 2`,
      ),
      { today },
    );
    const medians = new Map(waits.map((row) => [num(row['g']), { median: round1(num(row['p50']) / 60), n: num(row['n']) }]));
    const [calls] = await sql.query<Record<string, unknown>>(
      `SELECT SUM(CASE WHEN c.due_at < :now THEN 1 ELSE 0 END) AS overdue,
              SUM(CASE WHEN c.due_at >= :now THEN 1 ELSE 0 END) AS today
         FROM callback c WHERE c.status IN ('pending', 'claimed') AND c.due_at < :tomorrow`,
      { now, tomorrow: startOfCalendarDay(addDays(today, 1), this.config.timeZone) },
    );
    const rows = departments.map((row) => {
      const id = num(row['id']);
      return { departmentId: id, departmentName: String(row['name']), waiting: num(row['waiting']), medianWaitSoFar: medians.get(id)?.median ?? null, n: medians.get(id)?.n ?? 0 };
    });
    return {
      today,
      waitingNow: rows.reduce((sum, row) => sum + row.waiting, 0),
      departments: rows,
      callbacksDueToday: num(calls?.['today']),
      callbacksOverdue: num(calls?.['overdue']),
    };
  }
}
