import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { timestampColumnDefaultNow } from '../database/column-types';

/** Server-wide values that must survive restarts (e.g. the generated token secret). */
@Entity('app_setting')
export class AppSetting {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'text' })
  value!: string;

  @UpdateDateColumn(timestampColumnDefaultNow({ name: 'updated_at' }))
  updatedAt!: Date;
}
