import { searchTerms } from './search-terms';

describe('searchTerms', () => {
  it('cuts Chinese into jieba words, with the words within long ones, without punctuation', () => {
    expect(searchTerms('排队太久了，停车场太小')).toEqual(['排队', '太久', '了', '停车', '车场', '停车场', '太小']);
  });

  it('lower-cases English words and keeps each once', () => {
    expect(searchTerms('The WAIT was long, the wait!')).toEqual(['the', 'wait', 'was', 'long']);
  });

  it('cuts a query the way it cut the comment, so a query word is found among the comment words', () => {
    const comment = searchTerms('门诊部挂号太难了，Car park was full');
    for (const query of ['挂号', '门诊', '门诊部', 'car park', 'PARK']) {
      expect(comment).toEqual(expect.arrayContaining(searchTerms(query)));
    }
    expect(comment).not.toEqual(expect.arrayContaining(searchTerms('停车')));
  });

  it('cuts a word longer than the column to its first 40 characters, and finds nothing in punctuation', () => {
    expect(searchTerms('a'.repeat(60))).toEqual(['a'.repeat(40)]);
    expect(searchTerms('，。!?  ')).toEqual([]);
  });
});
