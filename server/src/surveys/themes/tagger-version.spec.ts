import { taggerVersion } from './tagger-version';

describe('taggerVersion', () => {
  it('fits survey_response.tagger_version (16 characters) and is the same on every call', () => {
    const version = taggerVersion();
    expect(version).toMatch(/^\d+-[0-9a-f]{12}$/);
    expect(version.length).toBeLessThanOrEqual(16);
    expect(taggerVersion()).toBe(version);
  });
});
