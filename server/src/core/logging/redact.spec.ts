import { redactUrl } from './redact';

describe('redactUrl', () => {
  it('hides survey tokens in API and page paths', () => {
    expect(redactUrl('/api/public/surveys/AbC_123-xyz')).toBe('/api/public/surveys/[token]');
    expect(redactUrl('/feedback/AbC_123-xyz?lang=en')).toBe('/feedback/[token]?lang=en');
  });

  it('hides search terms and phone numbers in query strings', () => {
    expect(redactUrl('/api/patients?q=13812345678&page=2')).toBe('/api/patients?q=[redacted]&page=2');
    expect(redactUrl('/api/patients?q=%E7%8E%8B')).toBe('/api/patients?q=[redacted]');
    expect(redactUrl('/api/x/13812345678')).toBe('/api/x/[digits]');
  });

  it('leaves ordinary paths alone', () => {
    expect(redactUrl('/api/patients/42/timeline')).toBe('/api/patients/42/timeline');
  });
});
