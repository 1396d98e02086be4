import { dateLocaleFor, detectLanguage, htmlLangFor, otherLang } from './language';

describe('detectLanguage', () => {
  it.each([
    ['en-US', 'en'],
    ['en', 'en'],
    ['EN-gb', 'en'],
    ['zh-CN', 'zh'],
    ['zh-TW', 'zh'],
    ['fr-FR', 'zh'],
    ['', 'zh'],
  ])('browser language %p without a stored choice → %p', (browser, expected) => {
    expect(detectLanguage(null, browser)).toBe(expected);
  });

  it('falls back to Chinese when the browser says nothing', () => {
    expect(detectLanguage(null, undefined)).toBe('zh');
  });

  it("prefers the user's stored choice over the browser", () => {
    expect(detectLanguage('zh', 'en-US')).toBe('zh');
    expect(detectLanguage('en', 'zh-CN')).toBe('en');
  });

  it('ignores a stored value that is not a supported language', () => {
    expect(detectLanguage('de', 'en-US')).toBe('en');
    expect(detectLanguage('english', 'zh-CN')).toBe('zh');
  });
});

describe('htmlLangFor / otherLang', () => {
  it('maps to the <html lang> value and toggles between the two languages', () => {
    expect(htmlLangFor('zh')).toBe('zh-CN');
    expect(htmlLangFor('en')).toBe('en');
    expect(otherLang('zh')).toBe('en');
    expect(otherLang('en')).toBe('zh');
  });
});

describe('dateLocaleFor', () => {
  it('gives the DatePipe locale of each UI language', () => {
    expect(dateLocaleFor('zh')).toBe('zh-CN');
    expect(dateLocaleFor('en')).toBe('en-US');
  });
});
