import { npsBand, ratingBand } from './score-band';

describe('npsBand', () => {
  it.each([
    [0, 'low'],
    [6, 'low'],
    [7, 'mid'],
    [8, 'mid'],
    [9, 'high'],
    [10, 'high'],
  ])('NPS %p → %p (detractor red, passive amber, promoter green)', (score, band) => {
    expect(npsBand(score)).toBe(band);
  });

  it('gives no band to a missing or impossible answer', () => {
    expect(npsBand(null)).toBeNull();
    expect(npsBand(undefined)).toBeNull();
    expect(npsBand(-1)).toBeNull();
    expect(npsBand(11)).toBeNull();
    expect(npsBand(6.5)).toBeNull();
  });
});

describe('ratingBand', () => {
  it.each([
    [1, 'low'],
    [2, 'low'],
    [3, 'mid'],
    [4, 'high'],
    [5, 'high'],
  ])('rating %p → %p', (score, band) => {
    expect(ratingBand(score)).toBe(band);
  });

  it('gives no band outside 1-5', () => {
    expect(ratingBand(0)).toBeNull();
    expect(ratingBand(6)).toBeNull();
    expect(ratingBand(null)).toBeNull();
  });
});
