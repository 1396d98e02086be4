import { convertToParamMap } from '@angular/router';
import { defaultThemesState, paramsFromThemesState, themesStateFromParams, wordsToMark } from './themes-query';

const TODAY = '2026-03-31';

describe('themes view state in the URL', () => {
  it('defaults to about half a year by month, no theme and no search', () => {
    expect(themesStateFromParams(convertToParamMap({}), TODAY)).toEqual(defaultThemesState(TODAY));
    expect(defaultThemesState(TODAY)).toMatchObject({ from: '2025-10-01', to: TODAY, groupBy: 'month', theme: null, q: '' });
    expect(paramsFromThemesState(defaultThemesState(TODAY), TODAY)).toEqual({ from: null, to: null, departmentId: null, groupBy: null, theme: null, q: null });
  });

  it('round-trips a theme, a search and weeks, and drops what is malformed', () => {
    const state = { ...defaultThemesState(TODAY), groupBy: 'week' as const, theme: 'waiting', q: '排队 wait' };
    const params = paramsFromThemesState(state, TODAY);
    expect(themesStateFromParams(convertToParamMap(params as Record<string, string>), TODAY)).toEqual(state);
    const bad = themesStateFromParams(convertToParamMap({ groupBy: 'department', theme: "x' OR 1", from: '2026-04-01', to: '2026-03-01' }), TODAY);
    expect(bad).toMatchObject({ groupBy: 'month', theme: null, from: '2026-03-01', to: '2026-04-01' });
  });

  it('cuts a search to the longest the API takes', () => {
    expect(themesStateFromParams(convertToParamMap({ q: '排'.repeat(150) }), TODAY).q).toHaveLength(100);
  });
});

describe('wordsToMark', () => {
  const themes = [
    { key: 'waiting', matched: ['排队', '太久'] },
    { key: 'communication', matched: ['讲得很清楚'] },
  ];

  it("marks the chosen theme's matched words and each searched word", () => {
    expect(wordsToMark(themes, 'waiting', '')).toEqual(['排队', '太久']);
    expect(wordsToMark(themes, null, ' 医生  wait ')).toEqual(['医生', 'wait']);
    expect(wordsToMark(themes, 'communication', '医生')).toEqual(['讲得很清楚', '医生']);
    expect(wordsToMark(themes, 'food', '')).toEqual([]);
  });
});
