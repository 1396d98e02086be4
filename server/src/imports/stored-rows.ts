import type { EntityManager } from 'typeorm';
import type { Gender } from '@huifang/shared';
import { runRawSql } from '../core/database/raw-sql';
import type { SourceKind } from './source-identifier.entity';

/*
 * The stored rows one batch of an import needs, read with one query per kind (IN lists), never a
 * query per row. Raw SQL: no ORM entity per row on a million-row import.
 */

/** Bound parameters per IN list: far under SQLite's 32766 and PostgreSQL's 65535. */
const IN_CHUNK = 2000;

export interface StoredPatient {
  id: number;
  name: string;
  phone: string;
  gender: Gender;
  birthDate: string | null;
  erased: boolean;
}

export interface StoredEncounter {
  id: number;
  patientId: number;
  departmentId: number;
  clinician: string | null;
  checkedInAt: Date;
  calledAt: Date | null;
  finishedAt: Date | null;
  nextVisitDue: string | null;
  chargeCents: number | null;
}

async function inChunks<T>(values: readonly unknown[], read: (chunk: unknown[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(values)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += IN_CHUNK) out.push(...(await read(unique.slice(i, i + IN_CHUNK))));
  return out;
}

const placeholders = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `$${i + from}`).join(', ');

/** SQLite hands back instants as UTC text, PostgreSQL as Date. */
export function instant(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(text.includes('T') ? text : `${text.replace(' ', 'T')}Z`);
}

export async function entityIdsByKey(manager: EntityManager, kind: SourceKind, keys: readonly string[]): Promise<Map<string, number>> {
  const rows = await inChunks(keys, (chunk) =>
    runRawSql(manager, `SELECT source_key, entity_id FROM source_identifier WHERE kind = $1 AND source_key IN (${placeholders(chunk.length, 2)})`, [
      kind,
      ...chunk,
    ]) as Promise<{ source_key: string; entity_id: number }[]>,
  );
  return new Map(rows.map((r) => [r.source_key, Number(r.entity_id)]));
}

const PATIENT_COLUMNS = 'id, name, phone, gender, birth_date, erased_at';

function toStoredPatient(r: Record<string, unknown>): StoredPatient {
  return {
    id: Number(r['id']),
    name: String(r['name']),
    phone: String(r['phone']),
    gender: r['gender'] as Gender,
    birthDate: (r['birth_date'] as string | null) ?? null,
    erased: r['erased_at'] !== null && r['erased_at'] !== undefined,
  };
}

export async function patientsById(manager: EntityManager, ids: readonly number[]): Promise<StoredPatient[]> {
  const rows = await inChunks(ids, (chunk) =>
    runRawSql(manager, `SELECT ${PATIENT_COLUMNS} FROM patient WHERE id IN (${placeholders(chunk.length)})`, chunk) as Promise<Record<string, unknown>[]>,
  );
  return rows.map(toStoredPatient);
}

/** Kept patients with one of these phones (an erased patient's phone is '', so never matches). */
export async function patientsByPhone(manager: EntityManager, phones: readonly string[]): Promise<StoredPatient[]> {
  const rows = await inChunks(phones, (chunk) =>
    runRawSql(manager, `SELECT ${PATIENT_COLUMNS} FROM patient WHERE phone IN (${placeholders(chunk.length)})`, chunk) as Promise<Record<string, unknown>[]>,
  );
  return rows.map(toStoredPatient);
}

export async function encountersById(manager: EntityManager, ids: readonly number[]): Promise<StoredEncounter[]> {
  const rows = await inChunks(ids, (chunk) =>
    runRawSql(
      manager,
      `SELECT id, patient_id, department_id, clinician, checked_in_at, called_at, finished_at, next_visit_due, charge_cents
         FROM encounter WHERE id IN (${placeholders(chunk.length)})`,
      chunk,
    ) as Promise<Record<string, unknown>[]>,
  );
  return rows.map((r) => ({
    id: Number(r['id']),
    patientId: Number(r['patient_id']),
    departmentId: Number(r['department_id']),
    clinician: (r['clinician'] as string | null) ?? null,
    checkedInAt: instant(r['checked_in_at']) as Date,
    calledAt: instant(r['called_at']),
    finishedAt: instant(r['finished_at']),
    nextVisitDue: (r['next_visit_due'] as string | null) ?? null,
    chargeCents: r['charge_cents'] === null || r['charge_cents'] === undefined ? null : Number(r['charge_cents']),
  }));
}

/** `n` fresh ids for `table`, taken inside the batch's transaction (the desk's inserts may run between batches). */
export async function allocateIds(manager: EntityManager, table: 'patient' | 'encounter', n: number): Promise<number[]> {
  if (n === 0) return [];
  if (manager.connection.options.type === 'postgres') {
    const rows = (await manager.query(`SELECT nextval(pg_get_serial_sequence('${table}', 'id')) AS id FROM generate_series(1, $1)`, [n])) as { id: string }[];
    return rows.map((r) => Number(r.id));
  }
  // SQLite: writes are serialised (WriteTransaction), so the next ids are free until this commits.
  // AUTOINCREMENT's counter is honoured so ids of deleted rows are never reused.
  const [row] = (await manager.query(
    `SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '${table}'), 0), COALESCE((SELECT MAX(id) FROM ${table}), 0)) AS top`,
  )) as { top: number }[];
  return Array.from({ length: n }, (_, i) => Number(row.top) + 1 + i);
}
