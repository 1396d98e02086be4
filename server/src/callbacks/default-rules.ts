import type { FollowUpRule } from '@huifang/shared';

/** DOMAIN.md, default follow-up rules. */
export const DEFAULT_FOLLOW_UP_RULES: readonly FollowUpRule[] = [
  { key: 'post_treatment', kind: 'post_treatment', enabled: true, offset: 3, unit: 'days', priority: 'normal' },
  { key: 'rehab_check', kind: 'rehab_check', enabled: true, offset: 30, unit: 'days', priority: 'normal' },
  { key: 'revisit_reminder', kind: 'revisit_reminder', enabled: true, offset: 3, unit: 'days', priority: 'normal' },
  { key: 'missed_revisit', kind: 'missed_revisit', enabled: true, offset: 7, unit: 'days', priority: 'normal' },
  { key: 'service_recovery', kind: 'service_recovery', enabled: true, offset: 24, unit: 'hours', priority: 'high' },
  // The relationship phases' strategies, off until an admin turns them on (a welcome call for every
  // first visit is a lot of calls); a win-back call is high priority for a high-value patient whatever this says.
  { key: 'welcome', kind: 'welcome', enabled: false, offset: 7, unit: 'days', priority: 'normal' },
  { key: 'win_back', kind: 'win_back', enabled: false, offset: 1, unit: 'days', priority: 'normal' },
  { key: 'care', kind: 'care', enabled: false, offset: 365, unit: 'days', priority: 'low' },
];
