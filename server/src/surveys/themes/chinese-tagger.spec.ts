import type { CommentTags, CommentThemeKey } from '@huifang/shared';
import { tagComment } from './tag-comment';

/** Keys as strings: tags may carry admins' own themes besides the built-in CommentThemeKeys. */
function themeKeys(tags: CommentTags): string[] {
  return tags.themes.map((t) => t.key).sort();
}

function matchedFor(tags: CommentTags, key: CommentThemeKey): string[] {
  return tags.themes.find((t) => t.key === key)?.matched ?? [];
}

describe('tagComment on Chinese comments (jieba + lexicons)', () => {
  it('reads praise as positive, with its themes and the words that show them', () => {
    const tags = tagComment('护士非常耐心，医生讲得很清楚，出院后还有电话随访，很满意。');
    expect(tags.sentiment).toBe('positive');
    expect(themeKeys(tags)).toEqual(['communication', 'discharge', 'staff_attitude']);
    expect(matchedFor(tags, 'communication')).toContain('讲得很清楚');
    expect(matchedFor(tags, 'discharge')).toEqual(expect.arrayContaining(['出院', '随访']));
  });

  it('reads complaints as negative: long queues, hard registration, parking, fees', () => {
    const tags = tagComment('排队太久，等了两个小时；挂号难，停车难，收费贵。');
    expect(tags.sentiment).toBe('negative');
    expect(themeKeys(tags)).toEqual(['appointments', 'cost', 'parking_transport', 'waiting']);
    expect(matchedFor(tags, 'waiting')).toEqual(expect.arrayContaining(['排队', '太久', '等了两个小时']));
    expect(matchedFor(tags, 'appointments')).toContain('挂号难');
  });

  it('turns a judgement round after a negator: 不耐心 is negative, 不贵 positive', () => {
    const impatient = tagComment('护士不耐心');
    expect(impatient.sentiment).toBe('negative');
    expect(matchedFor(impatient, 'staff_attitude')).toEqual(['不耐心']);

    const notDear = tagComment('价格不贵');
    expect(notDear.sentiment).toBe('positive');
    expect(matchedFor(notDear, 'cost')).toEqual(expect.arrayContaining(['价格', '不贵']));

    expect(tagComment('医生态度不是很好').sentiment).toBe('negative');
    expect(tagComment('饭菜不好吃').sentiment).toBe('negative');
  });

  it('calls a comment with praise and a complaint mixed', () => {
    const tags = tagComment('医生态度很好，就是排队太久了。');
    expect(tags.sentiment).toBe('mixed_neutral');
    expect(themeKeys(tags)).toEqual(['staff_attitude', 'waiting']);
  });

  it('matches whole words only: 不好意思 is politeness, not a complaint', () => {
    expect(tagComment('不好意思，想问一下复诊怎么预约').sentiment).toBe('mixed_neutral');
  });

  it('finds nothing in a comment without a judgement or theme', () => {
    expect(tagComment('无')).toEqual({ themes: [], sentiment: 'mixed_neutral' });
    expect(tagComment('   ')).toEqual({ themes: [], sentiment: 'mixed_neutral' });
  });
});
