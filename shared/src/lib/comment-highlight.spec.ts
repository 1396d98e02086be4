import { highlightRuns, matchSpans } from './comment-highlight';

const marked = (text: string, words: string[]) =>
  highlightRuns(text, words)
    .map((run) => (run.highlighted ? `[${run.text}]` : run.text))
    .join('');

describe('highlightRuns', () => {
  it('marks each occurrence of the matched words and gives the text back unchanged', () => {
    const text = '排队太久了，等了两个小时，排队的人太多';
    expect(marked(text, ['排队', '太久'])).toBe('[排队太久]了，等了两个小时，[排队]的人太多');
    expect(highlightRuns(text, ['排队', '太久']).map((r) => r.text).join('')).toBe(text);
  });

  it('matches English words case-insensitively (the tagger may return them lower-cased)', () => {
    expect(marked('The Wait was long; waiting again.', ['wait'])).toBe('The [Wait] was long; [wait]ing again.');
  });

  it('merges overlapping matches into one run', () => {
    expect(matchSpans('car park was full', ['car park', 'park was'])).toEqual([[0, 12]]);
    expect(marked('car park was full', ['car park', 'park was'])).toBe('[car park was] full');
  });

  it('leaves a text without matches (or with empty words) as one plain run', () => {
    expect(highlightRuns('很好', ['停车', ' ', ''])).toEqual([{ text: '很好', highlighted: false }]);
    expect(highlightRuns('', ['x'])).toEqual([{ text: '', highlighted: false }]);
  });

  it('marks a whole text when it is all one match', () => {
    expect(highlightRuns('饭菜', ['饭菜'])).toEqual([{ text: '饭菜', highlighted: true }]);
  });
});
