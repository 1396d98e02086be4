import { BAR_ROW_HEIGHT, BAR_WIDTH, barChartHeight, barDrawings } from './report-bars';

describe('report bars', () => {
  it('scales to the given maximum, or to the largest figure, and draws nothing for missing or negative figures', () => {
    const shares = barDrawings(
      [
        { label: 'a', value: 50, text: '50%' },
        { label: 'b', value: null, text: '—' },
        { label: 'c', value: -20, text: '-20' },
        { label: 'd', value: 150, text: '150%' },
      ],
      100,
    );
    expect(shares.map((b) => b.width)).toEqual([BAR_WIDTH / 2, 0, 0, BAR_WIDTH]);
    expect(shares.map((b) => b.y)).toEqual([0, 1, 2, 3].map((i) => i * BAR_ROW_HEIGHT));
    expect(barDrawings([{ label: 'x', value: 5, text: '5' }, { label: 'y', value: 20, text: '20' }]).map((b) => b.width)).toEqual([BAR_WIDTH / 4, BAR_WIDTH]);
    expect(barChartHeight(2)).toBe(2 * BAR_ROW_HEIGHT + 4);
  });
});
