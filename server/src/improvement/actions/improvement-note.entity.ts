import { Column, CreateDateColumn, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumnDefaultNow } from '../../core/database/column-types';
import { StaffUserEntity } from '../../users/user.entity';
import { ImprovementActionEntity } from './improvement-action.entity';

/** A note on an action's progress, written once and never edited (the action's history). */
@Entity('improvement_note')
@Index('IDX_improvement_note_action', ['actionId', 'id'])
export class ImprovementNoteEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'action_id', type: 'integer' })
  actionId!: number;

  @ManyToOne(() => ImprovementActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_id' })
  action?: ImprovementActionEntity;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'author_id', type: 'integer', nullable: true })
  @ForeignKey(() => StaffUserEntity, { onDelete: 'SET NULL' })
  authorId!: number | null;

  @CreateDateColumn(timestampColumnDefaultNow({ name: 'created_at' }))
  createdAt!: Date;
}
