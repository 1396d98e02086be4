import { spaRewrite } from './spa-rewrite';

describe('spaRewrite', () => {
  it('sends client routes to index.html', () => {
    expect(spaRewrite({ method: 'GET', url: '/patients/42' })).toBe('/');
    expect(spaRewrite({ method: 'GET', url: '/feedback/abc_DEF-123?lang=en' })).toBe('/');
    expect(spaRewrite({ method: 'HEAD', url: '/login' })).toBe('/');
  });

  it('leaves the API, files and other methods alone', () => {
    expect(spaRewrite({ method: 'GET', url: '/api/patients' })).toBe('/api/patients');
    expect(spaRewrite({ method: 'GET', url: '/api' })).toBe('/api');
    expect(spaRewrite({ method: 'GET', url: '/main-ABCDEFGH.js' })).toBe('/main-ABCDEFGH.js');
    expect(spaRewrite({ method: 'GET', url: '/i18n/zh.json' })).toBe('/i18n/zh.json');
    expect(spaRewrite({ method: 'POST', url: '/login' })).toBe('/login');
  });
});
