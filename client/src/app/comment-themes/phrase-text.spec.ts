import { phrasesFromText, phrasesToText } from './phrase-text';

describe('phrasesFromText', () => {
  it('splits on new lines and Chinese or Latin commas, trimming and dropping blanks', () => {
    expect(phrasesFromText('无线网络，网速\nwifi, internet access\n\n  ')).toEqual(['无线网络', '网速', 'wifi', 'internet access']);
    expect(phrasesFromText('')).toEqual([]);
  });

  it('round-trips a list as one phrase per line', () => {
    expect(phrasesFromText(phrasesToText(['a b', '网速']))).toEqual(['a b', '网速']);
  });
});
