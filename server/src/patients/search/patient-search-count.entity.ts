import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timestampColumn } from '../../core/database/column-types';

/**
 * Patient searches per staff user in the current one-minute window: the rate limit's counter,
 * shared by every instance on the database. One row per user, updated by one atomic upsert before
 * each search (see SearchRateLimit). No foreign key: it is a counter, not part of the record, and
 * staff users are deactivated, never deleted.
 */
@Entity('patient_search_count')
export class PatientSearchCountEntity {
  @PrimaryColumn({ name: 'user_id', type: 'integer' })
  userId!: number;

  /** When the current window began; a search after it has passed starts a new one. */
  @Column(timestampColumn({ name: 'window_start' }))
  windowStart!: Date;

  /** Searches (refused ones included) since `windowStart`. */
  @Column({ type: 'integer' })
  searches!: number;
}
