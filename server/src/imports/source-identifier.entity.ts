import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { isOneOf } from '../core/database/check-expressions';

export const SOURCE_KINDS = ['patient', 'encounter'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * A record's identifier in the system it was imported from (`SourceKey`, import-records.ts), so a
 * second import of the same file finds what the first one stored. No foreign key: the entity is a
 * patient or an encounter, by `kind`.
 */
@Entity('source_identifier')
@Index('UQ_source_identifier_key', ['kind', 'sourceKey'], { unique: true })
@Index('IDX_source_identifier_entity', ['kind', 'entityId'])
@Check(isOneOf('kind', SOURCE_KINDS))
export class SourceIdentifierEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 10 })
  kind!: SourceKind;

  @Column({ name: 'source_key', type: 'varchar', length: 255 })
  sourceKey!: string;

  @Column({ name: 'entity_id', type: 'integer' })
  entityId!: number;
}
