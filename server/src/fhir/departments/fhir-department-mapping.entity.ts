import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumnDefaultNow } from '../../core/database/column-types';
import { DepartmentEntity } from '../../departments/department.entity';

/**
 * Which department a FHIR code (an Encounter's serviceType, type or class coding) stands for.
 * Imports add the codes they meet unmapped (`department_id` null); an admin maps them, and the next
 * import of the same data moves those encounters.
 */
@Entity('fhir_department_mapping')
@Index('UQ_fhir_department_mapping_code', ['system', 'code'], { unique: true })
export class FhirDepartmentMappingEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 255 })
  system!: string;

  @Column({ type: 'varchar', length: 255 })
  code!: string;

  /** The coding's display as first met (for the admin; never used to match). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  display!: string | null;

  @Column({ name: 'department_id', type: 'integer', nullable: true })
  @ForeignKey(() => DepartmentEntity)
  departmentId!: number | null;

  @CreateDateColumn(timestampColumnDefaultNow({ name: 'created_at' }))
  createdAt!: Date;
}
