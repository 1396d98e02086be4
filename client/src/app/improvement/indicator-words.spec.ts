import { formatIndicatorChange, formatIndicatorValue, formatPValue, indicatorLabel, isInterim, verdictTone, verdictWords } from './indicator-words';

const t = (key: string, params?: Record<string, unknown>) => {
  if (key === 'dimensions.nursing') return 'Nursing';
  if (key.startsWith('improvement.units.')) return `${params?.['value']} ${key.slice('improvement.units.'.length)}`;
  return key;
};
const window = { startDate: '2026-03-01', baselineDays: 90, lagDays: 30, followUpDays: 90, evaluationAvailable: true };

describe('indicator words', () => {
  it('names an indicator, a dimension by its translation and a theme by its name', () => {
    expect(indicatorLabel('wait_median', 'en', t)).toBe('Median wait');
    expect(indicatorLabel('dimension:nursing', 'en', t)).toBe('Dimension rating: Nursing');
    const themes = [{ key: 'parking', nameZh: '停车', nameEn: 'Parking', builtIn: false, enabled: true, phrasesZh: [], phrasesEn: [] }];
    expect(indicatorLabel('theme_share:parking', 'zh', t, themes)).toBe('留言主题占比: 停车');
    expect(indicatorLabel('theme_share:unknown', 'en', t, themes)).toBe('Comment theme share: unknown');
  });

  it('writes values and changes in their units', () => {
    expect(formatIndicatorValue(12.5, 'minutes', 'en', t)).toBe('12.5 minutes');
    expect(formatIndicatorChange(-3.4, 'percent', 'en', t)).toBe('-3.4 points');
    expect(formatIndicatorChange(5, 'nps', 'en', t)).toBe('+5.0');
    expect(formatIndicatorValue(4.256, 'rating', 'en', t)).toBe('4.26');
    expect(formatIndicatorChange(0.12, 'rating', 'en', t)).toBe('+0.12');
  });

  it('gives the verdict in words, with its p, never a p of 0.000', () => {
    expect(formatPValue(0.0031)).toBe('= 0.003');
    expect(formatPValue(0.00002)).toBe('< 0.001');
    expect(verdictWords({ ...window, verdict: 'improved', pValue: 0.003 })).toEqual({ key: 'improvement.verdicts.improvedWithP', params: { p: '= 0.003' } });
    expect(verdictWords({ ...window, verdict: 'improved', pValue: null })).toEqual({ key: 'improvement.verdicts.improved', params: {} });
    expect(verdictWords({ ...window, verdict: 'too_few', pValue: null })).toEqual({ key: 'improvement.verdicts.too_few', params: { n: 30 } });
    expect(verdictWords({ ...window, verdict: 'no_change', pValue: 0.4 })).toEqual({ key: 'improvement.verdicts.no_change', params: {} });
    // The follow-up begins at start + lag.
    expect(verdictWords({ ...window, verdict: 'pending', pValue: null })).toEqual({ key: 'improvement.verdicts.pending', params: { from: '2026-03-31' } });
    expect([verdictTone('improved'), verdictTone('worse'), verdictTone('too_few')]).toEqual(['good', 'bad', 'neutral']);
    // A verdict on a running follow-up is interim; pending is no verdict yet.
    expect(isInterim({ verdict: 'no_change', followUpComplete: false, evaluationAvailable: true })).toBe(true);
    expect(isInterim({ verdict: 'improved', followUpComplete: true, evaluationAvailable: true })).toBe(false);
    expect(isInterim({ verdict: 'pending', followUpComplete: false, evaluationAvailable: true })).toBe(false);
  });

  it('says the figures are being prepared, not that the follow-up has not begun, while the server builds them', () => {
    expect(verdictWords({ ...window, verdict: 'pending', pValue: null, evaluationAvailable: false })).toEqual({ key: 'improvement.verdicts.unavailable', params: {} });
    expect(isInterim({ verdict: 'pending', followUpComplete: false, evaluationAvailable: false })).toBe(false);
  });
});
