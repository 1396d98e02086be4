import Database from 'better-sqlite3';
import type { Outcome, WriteKind } from './crash-round';

/** Checks on the database file after a crash, straight from SQLite (as the restarted server will read it). */
export class StoredState {
  private readonly db: Database.Database;

  constructor(file: string) {
    // Read-write, as the server opens it: the first connection after a crash replays the write-ahead log.
    this.db = new Database(file, { fileMustExist: true });
  }

  close(): void {
    this.db.close();
  }

  integrity(): string {
    return String(this.db.pragma('integrity_check', { simple: true }));
  }

  /** Whether the acknowledged write is there, whole. */
  isStored(outcome: Outcome): boolean {
    const queries: Record<WriteKind, string> = {
      survey: 'SELECT 1 FROM survey_response r JOIN survey_answer a ON a.response_id = r.id WHERE r.id = ?',
      checkIn: "SELECT 1 FROM encounter e JOIN audit_entry au ON au.entity_type = 'encounter' AND au.entity_id = e.id AND au.action = 'encounter.check_in' WHERE e.id = ?",
      attempt: "SELECT 1 FROM callback c JOIN callback_attempt a ON a.callback_id = c.id WHERE c.id = ? AND c.status = 'completed' AND c.attempt_count = 1",
    };
    return this.db.prepare(queries[outcome.kind]).get(outcome.id) !== undefined;
  }

  /** Records that exist only in part: each query lists the ids of one kind of half-written record. */
  halfWritten(): Record<string, number[]> {
    const checks: Record<string, string> = {
      'survey response without answers': 'SELECT r.id FROM survey_response r WHERE NOT EXISTS (SELECT 1 FROM survey_answer a WHERE a.response_id = r.id)',
      'survey response whose link is not marked used':
        'SELECT r.id FROM survey_response r JOIN survey_invitation i ON i.id = r.invitation_id WHERE i.used_at IS NULL',
      'used survey link without a response': 'SELECT i.id FROM survey_invitation i WHERE i.used_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM survey_response r WHERE r.invitation_id = i.id)',
      'encounter without its check-in audit row':
        "SELECT e.id FROM encounter e WHERE NOT EXISTS (SELECT 1 FROM audit_entry au WHERE au.entity_type = 'encounter' AND au.entity_id = e.id AND au.action = 'encounter.check_in')",
      'encounter whose patient does not point at the visit': 'SELECT e.id FROM encounter e JOIN patient p ON p.id = e.patient_id WHERE p.last_visit_on IS NULL',
      'callback whose attempt count differs from its attempts':
        'SELECT c.id FROM callback c WHERE c.attempt_count <> (SELECT COUNT(*) FROM callback_attempt a WHERE a.callback_id = c.id)',
      'attempt whose callback is still claimed': "SELECT c.id FROM callback c WHERE c.status = 'claimed' AND EXISTS (SELECT 1 FROM callback_attempt a WHERE a.callback_id = c.id AND a.at >= c.claimed_at)",
      'attempt without its audit row':
        "SELECT a.callback_id FROM callback_attempt a WHERE NOT EXISTS (SELECT 1 FROM audit_entry au WHERE au.entity_type = 'callback' AND au.entity_id = a.callback_id AND au.action = 'callback.attempt')",
    };
    const found: Record<string, number[]> = {};
    for (const [name, sql] of Object.entries(checks)) {
      const ids = (this.db.prepare(sql).all() as Record<string, number>[]).map((row) => Object.values(row)[0]);
      if (ids.length > 0) found[name] = ids;
    }
    return found;
  }
}
