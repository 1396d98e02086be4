import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CallbackPriority, FollowUpRuleKey } from '@huifang/shared';

@Entity('follow_up_rule')
export class FollowUpRuleEntity {
  @PrimaryColumn({ type: 'varchar', length: 30 })
  key!: FollowUpRuleKey;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Column({ name: 'offset_value', type: 'integer' })
  offset!: number;

  @Column({ type: 'varchar', length: 5 })
  unit!: 'days' | 'hours';

  @Column({ type: 'varchar', length: 10 })
  priority!: CallbackPriority;
}
