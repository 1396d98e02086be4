import { englishThemeModel, isChinese, tagComment } from './tag-comment';
import { commentVectors, englishWords, featureStrings, fnv1a } from './hashed-features';

/** Keys as strings: tags may carry admins' own themes besides the built-in CommentThemeKeys. */
function keys(text: string): string[] {
  return tagComment(text).themes.map((t) => t.key);
}

describe('tagComment on English comments (the trained model, en-model.json)', () => {
  it('loads the shipped model: nine theme heads with thresholds, three sentiments, its training rows', () => {
    const model = englishThemeModel();
    expect(model.themes.labels).toHaveLength(9);
    expect(model.themes.thresholds.every((t) => t > 0 && t < 1)).toBe(true);
    expect(model.sentiment.labels).toEqual(['positive', 'negative', 'mixed_neutral']);
    expect(model.themes.weights[0]).toHaveLength(1 << model.hashBits);
    expect(model.trainingRows.size).toBeGreaterThan(3000);
  });

  it('tags themes patients write about', () => {
    expect(keys('I waited over four hours for the ambulance to arrive')).toContain('waiting');
    expect(keys('The staff were so kind and friendly')).toContain('staff_attitude');
    expect(keys('The doctor explained everything clearly and listened to me')).toContain('communication');
    expect(keys('The food was cold and the meals were awful')).toContain('food');
    expect(keys('I could never get through on the phone to book an appointment')).toContain('appointments');
  });

  it('tags parking and cost from cue words the NHS file cannot teach', () => {
    const tags = tagComment('Parking was impossible and the bill was expensive');
    expect(tags.themes.find((t) => t.key === 'parking_transport')?.matched).toContain('Parking');
    expect(tags.themes.find((t) => t.key === 'cost')?.matched).toEqual(['bill']);
  });

  it('reads sentiment', () => {
    expect(tagComment('Excellent care, thank you all so much').sentiment).toBe('positive');
    expect(tagComment('Terrible service, rude staff and nobody cared').sentiment).toBe('negative');
  });

  it('highlights words of the comment', () => {
    const waiting = tagComment('We waited six hours in a corridor').themes.find((t) => t.key === 'waiting');
    expect(waiting?.matched.length).toBeGreaterThan(0);
    for (const word of waiting?.matched ?? []) expect('We waited six hours in a corridor'.toLowerCase()).toContain(word.toLowerCase());
  });
});

describe('hashed features', () => {
  it('hashes exactly the features featureStrings lists (training and highlighting agree)', () => {
    const hashBits = 18;
    const text = "Didn't wait long";
    const words = englishWords(text);
    expect(words).toEqual(['didnt', 'wait', 'long']);
    const expected = new Set(featureStrings(words).map(([feature]) => fnv1a(feature) & ((1 << hashBits) - 1)));
    expect(new Set(commentVectors(text, hashBits).sentiment.indices)).toEqual(expected);
  });

  it('scales vectors to unit length', () => {
    const { values } = commentVectors('The nurses were lovely', 18).themes;
    expect(values.reduce((sum, v) => sum + v * v, 0)).toBeCloseTo(1, 5);
  });
});

describe('isChinese', () => {
  it('reads a comment as Chinese when Han characters make up at least a third of its letters', () => {
    expect(isChinese('医生很好')).toBe(true);
    expect(isChinese('CT检查排队太久')).toBe(true);
    expect(isChinese('The staff were kind')).toBe(false);
    expect(isChinese('The staff at 北京 hospital were kind and helpful')).toBe(false);
  });
});
