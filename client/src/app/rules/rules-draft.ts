import {
  FOLLOW_UP_OFFSET_RANGE,
  FOLLOW_UP_RULE_KEYS,
  type FollowUpRule,
  type FollowUpRuleKey,
  type UpdateFollowUpRulesRequest,
} from '@huifang/shared';

/** A rule as edited on the page: the offset is the input's text until it is saved. */
export interface RuleDraft {
  key: FollowUpRuleKey;
  enabled: boolean;
  offset: string;
  unit: FollowUpRule['unit'];
  priority: FollowUpRule['priority'];
}

/** The rules in the order of DOMAIN.md, as drafts. */
export function draftsFrom(rules: readonly FollowUpRule[]): RuleDraft[] {
  const order = (key: FollowUpRuleKey) => FOLLOW_UP_RULE_KEYS.indexOf(key);
  return [...rules]
    .sort((a, b) => order(a.key) - order(b.key))
    .map((rule) => ({ key: rule.key, enabled: rule.enabled, offset: String(rule.offset), unit: rule.unit, priority: rule.priority }));
}

/** The offset as a whole number within the bounds, or null. */
export function parseOffset(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,9}$/.test(trimmed)) {
    return null;
  }
  const n = Number(trimmed);
  return n >= FOLLOW_UP_OFFSET_RANGE.min && n <= FOLLOW_UP_OFFSET_RANGE.max ? n : null;
}

/** The PUT body, or null while an offset is not valid. */
export function updateRequest(drafts: readonly RuleDraft[]): UpdateFollowUpRulesRequest | null {
  const rules: UpdateFollowUpRulesRequest['rules'] = [];
  for (const draft of drafts) {
    const offset = parseOffset(draft.offset);
    if (offset === null) {
      return null;
    }
    rules.push({ key: draft.key, enabled: draft.enabled, offset });
  }
  return { rules };
}

/** Whether the drafts differ from the saved rules. */
export function hasChanges(drafts: readonly RuleDraft[], saved: readonly FollowUpRule[]): boolean {
  return drafts.some((draft) => {
    const rule = saved.find((r) => r.key === draft.key);
    return !rule || rule.enabled !== draft.enabled || parseOffset(draft.offset) !== rule.offset;
  });
}

/** The `callbacks.rules.span.*` key for an offset: `3 days`, `1 day`, `24 hours`. */
export function spanKey(unit: FollowUpRule['unit'], n: number): 'day' | 'days' | 'hour' | 'hours' {
  if (unit === 'hours') {
    return n === 1 ? 'hour' : 'hours';
  }
  return n === 1 ? 'day' : 'days';
}
