import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { FOLLOW_UP_RULE_KEYS, type FollowUpRule, type UpdateFollowUpRulesRequest, ERROR_CODES } from '@huifang/shared';
import type { AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { WriteTransaction } from '../core/database/write-transaction';
import { FollowUpRuleEntity } from './follow-up-rule.entity';
import type { RuleSettings } from './rule-schedule';

@Injectable()
export class FollowUpRulesService {
  constructor(
    @InjectRepository(FollowUpRuleEntity) private readonly rules: Repository<FollowUpRuleEntity>,
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<FollowUpRule[]> {
    const rows = await this.rules.find();
    return FOLLOW_UP_RULE_KEYS.flatMap((key) => {
      const row = rows.find((r) => r.key === key);
      return row ? [{ key, kind: key, enabled: row.enabled, offset: row.offset, unit: row.unit, priority: row.priority }] : [];
    });
  }

  /** The rules as the firing needs them; read inside the caller's transaction. */
  async settings(manager: EntityManager): Promise<RuleSettings> {
    const rows = await manager.find(FollowUpRuleEntity);
    return Object.fromEntries(rows.map((r) => [r.key, { enabled: r.enabled, offset: r.offset, priority: r.priority }])) as RuleSettings;
  }

  /** The rules and their audit entry commit together. */
  async update(input: UpdateFollowUpRulesRequest, context: AuditContext): Promise<FollowUpRule[]> {
    const seen = new Set<string>();
    for (const rule of input.rules) {
      if (seen.has(rule.key)) {
        throw new BadRequestException({ message: [`rules.${rule.key} is given twice`], code: ERROR_CODES.validation, params: { fields: ['rules'] } });
      }
      seen.add(rule.key);
    }
    await this.writes.run(async (manager) => {
      for (const rule of input.rules) {
        await manager.update(FollowUpRuleEntity, { key: rule.key }, { enabled: rule.enabled, offset: rule.offset });
      }
      await this.audit.record(context, { action: 'follow_up_rules.update', entityType: 'follow_up_rule', entityId: null }, manager);
    });
    return this.list();
  }
}
