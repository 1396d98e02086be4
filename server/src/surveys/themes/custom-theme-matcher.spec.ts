import { customThemeMatches, englishPhrasePattern, normaliseForPhrases } from './custom-theme-matcher';
import { tagComment } from './tag-comment';
import { taggerVersion } from './tagger-version';
import { BUILT_IN_CATALOG, catalogOf, type ThemeCatalog } from './theme-catalog';
import type { CommentThemeEntity } from './comment-theme.entity';

const WIFI = { key: 'wifi', zh: ['无线网络', 'ＷＩＦＩ信号'], en: ['wifi', 'internet access'] };

describe('customThemeMatches', () => {
  it('finds Chinese phrases as substrings after normalisation (full-width, case, spaces)', () => {
    expect(customThemeMatches('病房的无线网络太差了', [WIFI])).toEqual([{ key: 'wifi', matched: ['无线网络'] }]);
    // "ＷＩＦＩ信号" normalises to "wifi信号": a half-width, lower-case spelling with a space still finds it
    // (and "WiFi" is the English phrase "wifi" as a whole word).
    expect(customThemeMatches('WiFi 信号时有时无', [WIFI])).toEqual([{ key: 'wifi', matched: ['ＷＩＦＩ信号', 'WiFi'] }]);
    expect(customThemeMatches('无线 网络连不上', [WIFI])[0]?.matched).toEqual(['无线网络']);
  });

  it('finds English phrases as whole words, case-insensitive, and reports them as written in the comment', () => {
    expect(customThemeMatches('The WiFi kept dropping.', [WIFI])).toEqual([{ key: 'wifi', matched: ['WiFi'] }]);
    expect(customThemeMatches('No Internet   access in the ward', [WIFI])[0]?.matched).toEqual(['Internet   access']);
    // Part of a longer word is no match.
    expect(customThemeMatches('wifissimo internetworking', [WIFI])).toEqual([]);
    expect(englishPhrasePattern('bed').test('bedside table')).toBe(false);
    expect(englishPhrasePattern('bed').test('the bed, again')).toBe(true);
  });

  it('treats regular-expression characters in a phrase literally', () => {
    expect(customThemeMatches('paid (a lot) for c++ lessons', [{ key: 'odd', zh: [], en: ['c++', '(a lot)'] }])).toEqual([{ key: 'odd', matched: ['c++', '(a lot)'] }]);
    expect(customThemeMatches('a.b', [{ key: 'dot', zh: ['.'], en: ['x.y'] }])[0]?.matched).toEqual(['.']);
  });

  it('finds nothing without themes or phrases', () => {
    expect(customThemeMatches('无线网络', [])).toEqual([]);
    expect(customThemeMatches('无线网络', [{ key: 'empty', zh: [], en: [] }])).toEqual([]);
    expect(normaliseForPhrases(' Ａ b ')).toBe('ab');
  });
});

function theme(fields: Partial<CommentThemeEntity> & { key: string }): CommentThemeEntity {
  return { nameZh: 'x', nameEn: 'x', builtIn: false, enabled: true, phrasesZh: '[]', phrasesEn: '[]', ...fields };
}

describe('tagComment with a theme catalog', () => {
  const catalog: ThemeCatalog = catalogOf([
    theme({ key: 'waiting', builtIn: true, enabled: false }),
    theme({ key: 'wifi', phrasesZh: JSON.stringify(['无线网络']), phrasesEn: JSON.stringify(['wifi']) }),
    theme({ key: 'old_theme', enabled: false, phrasesZh: JSON.stringify(['排队']) }),
  ]);

  it('adds the admins\' enabled themes and leaves the disabled ones out, built-in or not', () => {
    expect(catalog.disabled).toEqual(['old_theme', 'waiting']);
    expect(catalog.custom.map((t) => t.key)).toEqual(['wifi']);
    const builtIn = tagComment('排队太久，无线网络也连不上', BUILT_IN_CATALOG).themes.map((t) => t.key);
    expect(builtIn).toContain('waiting');
    const tags = tagComment('排队太久，无线网络也连不上', catalog);
    expect(tags.themes.map((t) => t.key)).toEqual(['wifi']);
    expect(tagComment('The wifi was down and we waited for hours', catalog).themes.map((t) => t.key)).toEqual(['wifi']);
  });

  it('changes the tagger version with the themes and phrases, not with their names', () => {
    const plain = taggerVersion(BUILT_IN_CATALOG);
    expect(taggerVersion(catalogOf([theme({ key: 'waiting', builtIn: true })]))).toBe(plain);
    const withWifi = taggerVersion(catalog);
    expect(withWifi).not.toBe(plain);
    expect(withWifi).toMatch(/^\d+-[0-9a-f]{12}$/);
    const renamed = catalogOf([
      theme({ key: 'waiting', builtIn: true, enabled: false, nameEn: 'Queues' }),
      theme({ key: 'wifi', nameZh: '网络', phrasesZh: JSON.stringify(['无线网络']), phrasesEn: JSON.stringify(['wifi']) }),
      theme({ key: 'old_theme', enabled: false }),
    ]);
    expect(taggerVersion(renamed)).toBe(withWifi);
    const morePhrases = catalogOf([
      theme({ key: 'waiting', builtIn: true, enabled: false }),
      theme({ key: 'wifi', phrasesZh: JSON.stringify(['无线网络', '网速']), phrasesEn: JSON.stringify(['wifi']) }),
    ]);
    expect(taggerVersion(morePhrases)).not.toBe(withWifi);
  });
});
