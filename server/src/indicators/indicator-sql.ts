import type { EntityManager } from 'typeorm';

/** A timestamp or calendar-day column, as an SQL expression. */
type Sql = string;

/** Runs a statement with positional parameters somewhere other than the app's connection (a read worker). */
export type SqlReader = (sql: string, params: unknown[]) => Promise<unknown[]>;

/**
 * The little that differs between SQLite and PostgreSQL in the indicator queries, so each query is
 * written once. Calendar days are `YYYY-MM-DD` text on both, which makes month keys a `substr`.
 */
export class IndicatorSql {
  private readonly postgres: boolean;

  constructor(
    /** null: only builds SQL text (statements run elsewhere, e.g. by a bulk loader's own driver). */
    private readonly manager: EntityManager | null,
    /** Minutes east of UTC, when the hospital's zone has one fixed offset (Asia/Shanghai); else null. */
    private readonly fixedOffsetMinutes: number | null,
    private readonly timeZone: string,
    postgres = manager?.connection.options.type === 'postgres',
    /** Where `query` runs instead of `manager` (SQLite read workers, see core/database/sqlite-readers.ts). */
    private readonly reader: SqlReader | null = null,
  ) {
    this.postgres = postgres;
    // Written into SQL text (PostgreSQL's AT TIME ZONE); the configuration already checked it is a real zone.
    if (!/^[A-Za-z0-9_+\-/]+$/.test(timeZone)) throw new Error(`unexpected time zone name ${timeZone}`);
  }

  /** Runs `sql` with `:name` parameters (a name may repeat). Dates bind as the instants the driver stores. */
  query<T>(sql: string, named: object): Promise<T[]> {
    if (!this.manager) throw new Error('this IndicatorSql only builds SQL text');
    const manager = this.manager;
    const params = named as Record<string, unknown>;
    const values: unknown[] = [];
    const positions = new Map<string, number>();
    const text = sql.replace(/(?<!:):([a-zA-Z_]\w*)/g, (_, name: string) => {
      if (!(name in params)) throw new Error(`missing SQL parameter ${name}`);
      if (!this.postgres) {
        values.push(toSqlite(params[name]));
        return '?';
      }
      if (!positions.has(name)) {
        values.push(params[name]);
        positions.set(name, values.length);
      }
      return `$${positions.get(name)}`;
    });
    return this.reader ? (this.reader(text, values) as Promise<T[]>) : manager.query(text, values);
  }

  get isPostgres(): boolean {
    return this.postgres;
  }

  /** The hospital calendar day of a UTC timestamp column. */
  localDay(column: Sql): Sql {
    if (this.postgres) return `to_char(${column} AT TIME ZONE '${this.timeZone}', 'YYYY-MM-DD')`;
    if (this.fixedOffsetMinutes !== null) return `date(${column}, '${signed(this.fixedOffsetMinutes)} minutes')`;
    return `hf_local_day(${column})`;
  }

  /** A calendar day plus a whole number of days. */
  plusDays(day: Sql, days: number): Sql {
    const n = Math.trunc(days);
    return this.postgres ? `to_char(CAST(${day} AS date) + ${n}, 'YYYY-MM-DD')` : `date(${day}, '${signed(n)} days')`;
  }

  /** The Monday starting the ISO week of a calendar day. */
  weekStart(day: Sql): Sql {
    return this.postgres
      ? `to_char(date_trunc('week', CAST(${day} AS date)), 'YYYY-MM-DD')`
      : `date(${day}, '-' || ((CAST(strftime('%w', ${day}) AS integer) + 6) % 7) || ' days')`;
  }

  /** Whole seconds between two timestamp columns. */
  /** A named parameter holding an instant, typed for comparison with timestamp columns. */
  instantParam(name: string): Sql {
    return this.postgres ? `CAST(:${name} AS timestamptz)` : `:${name}`;
  }

  /** A named text parameter (PostgreSQL cannot infer the type of a bare parameter in VALUES). */
  textParam(name: string): Sql {
    return this.postgres ? `CAST(:${name} AS text)` : `:${name}`;
  }

  secondsBetween(from: Sql, to: Sql): Sql {
    return this.postgres
      ? `CAST(ROUND(EXTRACT(EPOCH FROM (${to} - ${from}))) AS integer)`
      : `CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400) AS integer)`;
  }
}

function signed(n: number): string {
  return n >= 0 ? `+${n}` : String(n);
}

function toSqlite(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
  if (typeof value === 'boolean') return Number(value);
  return value;
}
