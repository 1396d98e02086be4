import { valueTierOf, winBackReasons } from './relationship';

describe('relationship (shared rules)', () => {
  it('tiers value scores: high ≥ 70, medium ≥ 40, else low', () => {
    expect([100, 70, 69.9, 40, 39.9, 0].map(valueTierOf)).toEqual(['high', 'high', 'medium', 'medium', 'low', 'low']);
  });

  it('reads a win-back call’s reasons, and nothing else', () => {
    expect(winBackReasons('decline:visits_stopped,detractor_after_second_visit')).toEqual(['visits_stopped', 'detractor_after_second_visit']);
    expect(winBackReasons('decline:made_up')).toBeNull();
    expect(winBackReasons('NPS 3, CSAT 2')).toBeNull();
    expect(winBackReasons(null)).toBeNull();
  });
});
