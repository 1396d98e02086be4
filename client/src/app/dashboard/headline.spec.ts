import { HEADLINE_NAMES, type Headline, type HeadlineName, SMALL_SAMPLE_N } from '@huifang/shared';
import { HEADLINE_SPECS, figureState, headlineView, headlineViews } from './headline';
import { fakeT } from './chart-test-fakes';

const headline = (overrides: Partial<Headline> = {}): Headline => ({
  value: 12.5,
  n: 40,
  previous: 10.4,
  previousN: 35,
  change: 2.1,
  ...overrides,
});

describe('figureState', () => {
  it('is none for no data, never a zero figure', () => {
    expect(figureState(null, 0)).toBe('none');
    expect(figureState(null, 25)).toBe('none');
    expect(figureState(0, 0)).toBe('none');
    expect(figureState(12.5, 0)).toBe('none');
  });

  it('is small below SMALL_SAMPLE_N and ok from it on', () => {
    expect(SMALL_SAMPLE_N).toBe(30);
    expect(figureState(12.5, 1)).toBe('small');
    expect(figureState(12.5, SMALL_SAMPLE_N - 1)).toBe('small');
    expect(figureState(12.5, SMALL_SAMPLE_N)).toBe('ok');
    expect(figureState(0, SMALL_SAMPLE_N)).toBe('ok');
    expect(figureState(-30, 200)).toBe('ok');
  });
});

describe('headlineView', () => {
  it('formats value, previous and change with the unit of the headline', () => {
    expect(headlineView('waitMedian', headline(), 'en', fakeT)).toEqual({
      name: 'waitMedian',
      state: 'ok',
      value: 'dashboard.units.minutes{"value":"12.5"}',
      n: 40,
      previous: 'dashboard.units.minutes{"value":"10.4"}',
      change: { direction: 'up', tone: 'bad', text: 'dashboard.units.minutes{"value":"+2.1"}' },
    });
  });

  it('a rise is good when up is good, bad otherwise', () => {
    expect(HEADLINE_SPECS.nps.upIsGood).toBe(true);
    expect(HEADLINE_SPECS.churnRate.upIsGood).toBe(false);
    const nps = headlineView('nps', headline({ value: 32.5, previous: 27.5, change: 5 }), 'en', fakeT);
    expect(nps.value).toBe('32.5');
    expect(nps.change).toEqual({ direction: 'up', tone: 'good', text: '+5.0' });
    const churn = headlineView('churnRate', headline({ value: 14.2, previous: 11.0, change: 3.2 }), 'en', fakeT);
    expect(churn.change).toEqual({ direction: 'up', tone: 'bad', text: 'dashboard.units.points{"value":"+3.2"}' });
  });

  it('a fall is bad when up is good, good otherwise', () => {
    const csat = headlineView('csat', headline({ value: 80.1, previous: 83.5, change: -3.4 }), 'en', fakeT);
    expect(csat.change).toEqual({ direction: 'down', tone: 'bad', text: 'dashboard.units.points{"value":"-3.4"}' });
    const p90 = headlineView('waitP90', headline({ value: 40, previous: 45.5, change: -5.5 }), 'en', fakeT);
    expect(p90.change).toEqual({ direction: 'down', tone: 'good', text: 'dashboard.units.minutes{"value":"-5.5"}' });
  });

  it('is neutral when flat', () => {
    const view = headlineView('callbackCompletion', headline({ value: 90, previous: 90, change: 0 }), 'en', fakeT);
    expect(view.change).toEqual({ direction: 'flat', tone: 'neutral', text: 'dashboard.units.points{"value":"0.0"}' });
  });

  it('is neutral when either period is a small sample, but still shows the change', () => {
    const smallNow = headlineView('responseRate', headline({ n: SMALL_SAMPLE_N - 1, change: 2.1 }), 'en', fakeT);
    expect(smallNow.state).toBe('small');
    expect(smallNow.value).toBe('dashboard.units.percent{"value":"12.5"}');
    expect(smallNow.change).toEqual({ direction: 'up', tone: 'neutral', text: 'dashboard.units.points{"value":"+2.1"}' });
    const smallBefore = headlineView('responseRate', headline({ previousN: 3, change: -2.1 }), 'en', fakeT);
    expect(smallBefore.state).toBe('ok');
    expect(smallBefore.change).toEqual({ direction: 'down', tone: 'neutral', text: 'dashboard.units.points{"value":"-2.1"}' });
  });

  it('has no change when either side has no data', () => {
    const noneNow = headlineView('waitMedian', headline({ value: null, n: 0, change: null }), 'en', fakeT);
    expect(noneNow).toEqual({
      name: 'waitMedian',
      state: 'none',
      value: null,
      n: 0,
      previous: 'dashboard.units.minutes{"value":"10.4"}',
      change: null,
    });
    const noneBefore = headlineView('waitMedian', headline({ previous: null, previousN: 0, change: null }), 'en', fakeT);
    expect(noneBefore.previous).toBeNull();
    expect(noneBefore.value).toBe('dashboard.units.minutes{"value":"12.5"}');
    expect(noneBefore.change).toBeNull();
    // Even if a change came through, a side with n = 0 has no figure to compare.
    const inconsistent = headlineView('waitMedian', headline({ previousN: 0, change: 2.1 }), 'en', fakeT);
    expect(inconsistent.previous).toBeNull();
    expect(inconsistent.change).toBeNull();
  });

  it('shows null, never "0", for a null value', () => {
    const view = headlineView('nps', headline({ value: null, n: 12, previous: null, previousN: 0, change: null }), 'en', fakeT);
    expect(view.state).toBe('none');
    expect(view.value).toBeNull();
    expect(view.previous).toBeNull();
    expect(view.n).toBe(12);
  });

  it('a real zero with data is shown as a figure', () => {
    const view = headlineView('nps', headline({ value: 0, n: 40, previous: -10, previousN: 40, change: 10 }), 'zh', fakeT);
    expect(view.value).toBe('0.0');
    expect(view.previous).toBe('-10.0');
    expect(view.change).toEqual({ direction: 'up', tone: 'good', text: '+10.0' });
  });

  it('headlineViews lists every headline in order', () => {
    const headlines = Object.fromEntries(HEADLINE_NAMES.map((name) => [name, headline()])) as Record<HeadlineName, Headline>;
    const views = headlineViews(headlines, 'en', fakeT);
    expect(views.map((v) => v.name)).toEqual([...HEADLINE_NAMES]);
    expect(views.map((v) => v.change?.tone)).toEqual(['bad', 'bad', 'bad', 'good', 'good', 'good', 'good', 'bad', 'good']);
    // The FFT figure is left out while neither period has an FFT answer.
    const withoutFft = headlineViews({ ...headlines, fftPositive: { value: null, n: 0, previous: null, previousN: 0, change: null } }, 'en', fakeT);
    expect(withoutFft.map((v) => v.name)).not.toContain('fftPositive');
    expect(withoutFft).toHaveLength(HEADLINE_NAMES.length - 1);
  });
});
