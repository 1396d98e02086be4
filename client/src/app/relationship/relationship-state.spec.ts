import { convertToParamMap } from '@angular/router';
import { paramsFromRelationshipState, relationshipStateFromParams, shownMonth } from './relationship-state';

const TODAY = '2026-12-02';

describe('relationship view state in the URL', () => {
  it('opens on the last 12 months, all departments, the last month', () => {
    const state = relationshipStateFromParams(convertToParamMap({}), TODAY);
    expect(state).toEqual({ period: 'year', from: '2025-12-03', to: TODAY, departmentId: null, month: null });
    expect(paramsFromRelationshipState(state)).toEqual({ period: null, from: null, to: null, departmentId: null, month: null });
  });

  it('reads and writes period, department and month like the dashboard, and writes the dashboard’s default when chosen', () => {
    const custom = relationshipStateFromParams(convertToParamMap({ from: '2026-01-01', to: '2026-06-30', departmentId: '3', month: '2026-04' }), TODAY);
    expect(custom).toEqual({ period: 'custom', from: '2026-01-01', to: '2026-06-30', departmentId: 3, month: '2026-04' });
    expect(paramsFromRelationshipState(custom)).toEqual({ period: 'custom', from: '2026-01-01', to: '2026-06-30', departmentId: 3, month: '2026-04' });
    const days30 = relationshipStateFromParams(convertToParamMap({ period: '30d' }), TODAY);
    expect(days30).toMatchObject({ period: '30d', from: '2026-11-03', to: TODAY });
    expect(paramsFromRelationshipState(days30).period).toBe('30d');
    expect(relationshipStateFromParams(convertToParamMap({ departmentId: '5', month: '2026-13' }), TODAY)).toMatchObject({ period: 'year', departmentId: 5, month: null });
  });

  it('shows the chosen month when the period has it, else the period’s last', () => {
    const state = relationshipStateFromParams(convertToParamMap({ month: '2026-04' }), TODAY);
    expect(shownMonth(state, ['2026-03', '2026-04', '2026-05'])).toBe('2026-04');
    expect(shownMonth(state, ['2026-11', '2026-12'])).toBe('2026-12');
    expect(shownMonth(state, [])).toBeNull();
  });
});
