import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { CALLBACK_PRIORITIES, FOLLOW_UP_RULE_KEYS, type CallbackPriority, type FollowUpRule, type FollowUpRuleKey } from '@huifang/shared';
import { isOneOf } from '../core/database/check-expressions';

/** FollowUpRule['unit'] in shared/. */
const UNITS: readonly FollowUpRule['unit'][] = ['days', 'hours'];

@Entity('follow_up_rule')
@Check(isOneOf('key', FOLLOW_UP_RULE_KEYS))
@Check(isOneOf('unit', UNITS))
@Check(isOneOf('priority', CALLBACK_PRIORITIES))
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
