/*
 * Migrations import nothing from the application (a test checks it): what a fresh install gets must
 * not change when a feature module is edited. These small helpers are copies, frozen here.
 */

/** A UTC instant: `timestamptz` on PostgreSQL, `datetime` (UTC text) on SQLite. */
export function timestampTypeFor(driver: string): 'timestamptz' | 'datetime' {
  return driver === 'postgres' ? 'timestamptz' : 'datetime';
}
