import { pickSurveyLanguage } from './survey-language';

describe('pickSurveyLanguage', () => {
  it("follows the phone's first language the survey has", () => {
    expect(pickSurveyLanguage('', ['en-US', 'zh-CN'])).toBe('en');
    expect(pickSurveyLanguage('', ['fr-FR', 'zh-Hant-TW', 'en'])).toBe('zh');
    expect(pickSurveyLanguage('', ['EN-gb'])).toBe('en');
  });

  it('lets the link override the phone', () => {
    expect(pickSurveyLanguage('?lang=zh', ['en-US'])).toBe('zh');
    expect(pickSurveyLanguage('?lang=en', ['zh-CN'])).toBe('en');
  });

  it('ignores an unknown link language and falls back to Chinese when nothing matches', () => {
    expect(pickSurveyLanguage('?lang=fr', ['en-US'])).toBe('en');
    expect(pickSurveyLanguage('', ['fr-FR', 'de'])).toBe('zh');
    expect(pickSurveyLanguage('', [])).toBe('zh');
  });
});
