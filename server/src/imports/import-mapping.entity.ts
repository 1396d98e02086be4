import { Column, Entity, ForeignKey, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '../core/database/column-types';
import { StaffUserEntity } from '../users/user.entity';

/** A column mapping saved under a name, for next month's file from the same HIS export. */
@Entity('import_mapping')
export class ImportMappingEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 50, unique: true })
  name!: string;

  /** `ImportColumnMapping` as JSON. */
  @Column({ type: 'text' })
  mapping!: string;

  @Column(timestampColumn({ name: 'updated_at' }))
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'integer', nullable: true })
  @ForeignKey(() => StaffUserEntity, { onDelete: 'SET NULL' })
  updatedBy!: number | null;
}
