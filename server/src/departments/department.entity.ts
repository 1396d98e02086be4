import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumnDefaultNow } from '../core/database/column-types';

@Entity('department')
@Index('UQ_department_name', ['name'], { unique: true })
export class DepartmentEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Stable machine name (`orthopedics`), used by integrations and demo data. */
  @Column({ type: 'varchar', length: 32, unique: true })
  code!: string;

  /** Chinese name shown in the UI (骨科). */
  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 64 })
  nameEn!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn(timestampColumnDefaultNow({ name: 'created_at' }))
  createdAt!: Date;
}
