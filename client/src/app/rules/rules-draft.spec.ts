import type { FollowUpRule } from '@huifang/shared';
import { draftsFrom, hasChanges, parseOffset, spanKey, updateRequest } from './rules-draft';

const RULES: FollowUpRule[] = [
  { key: 'service_recovery', kind: 'service_recovery', enabled: true, offset: 24, unit: 'hours', priority: 'high' },
  { key: 'post_treatment', kind: 'post_treatment', enabled: true, offset: 3, unit: 'days', priority: 'normal' },
  { key: 'rehab_check', kind: 'rehab_check', enabled: false, offset: 30, unit: 'days', priority: 'normal' },
];

describe('rule drafts', () => {
  it('lists the rules in the order of DOMAIN.md, offsets as text', () => {
    expect(draftsFrom(RULES).map((d) => [d.key, d.offset, d.enabled])).toEqual([
      ['post_treatment', '3', true],
      ['rehab_check', '30', false],
      ['service_recovery', '24', true],
    ]);
  });

  it('takes whole numbers from 0 to 365 only', () => {
    expect(parseOffset('0')).toBe(0);
    expect(parseOffset(' 365 ')).toBe(365);
    expect(parseOffset('366')).toBeNull();
    expect(parseOffset('-1')).toBeNull();
    expect(parseOffset('2.5')).toBeNull();
    expect(parseOffset('')).toBeNull();
    expect(parseOffset('1e2')).toBeNull();
  });

  it('builds the PUT body, none while an offset is wrong, and tells when something changed', () => {
    const drafts = draftsFrom(RULES);
    expect(hasChanges(drafts, RULES)).toBe(false);
    drafts[0] = { ...drafts[0], offset: '5' };
    drafts[1] = { ...drafts[1], enabled: true };
    expect(hasChanges(drafts, RULES)).toBe(true);
    expect(updateRequest(drafts)).toEqual({
      rules: [
        { key: 'post_treatment', enabled: true, offset: 5 },
        { key: 'rehab_check', enabled: true, offset: 30 },
        { key: 'service_recovery', enabled: true, offset: 24 },
      ],
    });
    drafts[2] = { ...drafts[2], offset: 'x' };
    expect(updateRequest(drafts)).toBeNull();
  });

  it('says day or days, hour or hours', () => {
    expect(spanKey('days', 1)).toBe('day');
    expect(spanKey('days', 3)).toBe('days');
    expect(spanKey('days', 0)).toBe('days');
    expect(spanKey('hours', 1)).toBe('hour');
    expect(spanKey('hours', 24)).toBe('hours');
  });
});
