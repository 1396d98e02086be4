import type { CallbackItem } from '@huifang/shared';
import { dueTone, holderOf, overdueBy, shorten, toQueueRow } from './queue-row';

const NOW = Date.parse('2026-11-24T02:00:00Z'); // 10:00 in Shanghai

function item(changes: Partial<CallbackItem> = {}): CallbackItem {
  return {
    id: 9,
    patientId: 7,
    kind: 'service_recovery',
    priority: 'high',
    status: 'pending',
    dueAt: '2026-11-24T09:30:00+08:00',
    reason: 'NPS 3, CSAT 2 — 候诊太久，\n护士态度不好',
    surveyResponseId: 31,
    recovery: null,
    encounterId: 12,
    createdAt: '2026-11-23T09:30:00+08:00',
    patientName: '王芳',
    phoneMasked: '138****8000',
    departmentId: 2,
    departmentName: '外科',
    expectedOn: null,
    claimedBy: null,
    claimExpiresAt: null,
    attempts: [],
    outcome: null,
    cancelReason: null,
    note: null,
    ...changes,
  };
}

describe('due time styling', () => {
  it('is red once the due time has passed, amber within the hour, plain after', () => {
    expect(dueTone('2026-11-24T09:59:00+08:00', NOW)).toBe('overdue');
    expect(dueTone('2026-11-24T10:00:00+08:00', NOW)).toBe('soon');
    expect(dueTone('2026-11-24T11:00:00+08:00', NOW)).toBe('soon');
    expect(dueTone('2026-11-24T11:01:00+08:00', NOW)).toBe('later');
    expect(dueTone('not a time', NOW)).toBe('later');
  });

  it('says how long a call is overdue in the largest whole unit', () => {
    expect(overdueBy('2026-11-24T10:00:00+08:00', NOW)).toBeNull();
    expect(overdueBy('2026-11-24T09:59:50+08:00', NOW)).toEqual({ unit: 'minutes', n: 1 });
    expect(overdueBy('2026-11-24T09:15:00+08:00', NOW)).toEqual({ unit: 'minutes', n: 45 });
    expect(overdueBy('2026-11-24T07:30:00+08:00', NOW)).toEqual({ unit: 'hours', n: 2 });
    expect(overdueBy('2026-11-21T09:00:00+08:00', NOW)).toEqual({ unit: 'days', n: 3 });
  });
});

describe('queue rows', () => {
  it('lets me claim a free call or resume my own, not a colleague’s', () => {
    expect(holderOf(item(), 3)).toEqual({ kind: 'none' });
    expect(holderOf(item({ claimedBy: { id: 3, displayName: '李娜' } }), 3)).toEqual({ kind: 'me' });
    expect(holderOf(item({ claimedBy: { id: 4, displayName: '赵磊' } }), 3)).toEqual({ kind: 'other', name: '赵磊' });

    expect(toQueueRow(item(), 3, NOW).canClaim).toBe(true);
    expect(toQueueRow(item({ claimedBy: { id: 3, displayName: '李娜' } }), 3, NOW).canClaim).toBe(true);
    expect(toQueueRow(item({ claimedBy: { id: 4, displayName: '赵磊' } }), 3, NOW).canClaim).toBe(false);
  });

  it('counts the attempts, keeps the last outcome and shortens the reason', () => {
    const row = toQueueRow(
      item({
        attempts: [
          { at: '2026-11-22T09:05:00+08:00', by: { id: 3, displayName: '李娜' }, outcome: 'no_answer', note: null },
          { at: '2026-11-23T09:10:00+08:00', by: null, outcome: 'wrong_number', note: '空号' },
        ],
      }),
      3,
      NOW,
    );
    expect(row).toMatchObject({ attemptCount: 2, lastOutcome: 'wrong_number', tone: 'overdue', overdue: { unit: 'minutes', n: 30 } });
    expect(row.reasonShort).toBe('NPS 3, CSAT 2 — 候诊太久， 护士态度不好');
    expect(toQueueRow(item({ reason: null }), 3, NOW)).toMatchObject({ attemptCount: 0, lastOutcome: null, reasonShort: null });
  });

  it('cuts long text by characters, not bytes', () => {
    expect(shorten('  ', 10)).toBeNull();
    expect(shorten('一二三四五六七八九十', 10)).toBe('一二三四五六七八九十');
    expect(shorten('一二三四五六七八九十十一', 10)).toBe('一二三四五六七八九…');
  });
});
