import { parseFeedbackDate } from './feedback-date';

describe('parseFeedbackDate', () => {
  it.each([
    ['30/09/2021', '2021-09-30'], // day first (above 12)
    ['5/31/2022', '2022-05-31'], // month first: the second part is above 12
    ['12/13/2022', '2022-12-13'],
    ['01/02/2022', '2022-02-01'], // both padded: day first, the NHS spelling
    ['10/11/2021', '2021-11-10'],
    ['7/7/2021', '2021-07-07'], // equal: no doubt
    ['2022-05-31', '2022-05-31'],
    ['2022-05-31T10:00:00Z', '2022-05-31'],
    ['29/02/2024', '2024-02-29'],
    [' 30.09.2021 ', '2021-09-30'],
    ['30/09/2021 00:00', '2021-09-30'],
  ])('%s is %s', (text, day) => {
    expect(parseFeedbackDate(text)).toEqual({ day });
  });

  it.each(['5/6/2022', '1/12/2022', '05/6/2022'])('%s cannot be told day from month: ambiguous', (text) => {
    expect(parseFeedbackDate(text)).toEqual({ problem: 'ambiguous_date' });
  });

  it.each(['', 'yesterday', '31/02/2022', '29/02/2023', '13/13/2022', '00/01/2022', '2022-13-01', '30/09/21', '30/09/0021', '2022/05/31'])('%s is a bad date', (text) => {
    expect(parseFeedbackDate(text)).toEqual({ problem: 'bad_date' });
  });
});
