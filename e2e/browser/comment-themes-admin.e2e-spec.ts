import { DEMO_PASSWORD, type CommentTheme } from '@huifang/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { eventually } from '../support/eventually';
import { startDemoServer, type RunningServer } from '../support/server-process';
import { CommentThemesPage } from './pages/comment-themes.page';
import { LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';

describeInBrowser('an admin extends the comment themes', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiClient;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('sqlite'), launchChromium()]);
    admin = await new ApiClient(server.baseUrl).login('admin', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('adds a theme with phrases, sees a taken key refused on the key field, and switches a theme off', async () => {
    context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn('admin', DEMO_PASSWORD);
    await page.waitForURL('**/users');
    await new ShellPage(page).navLink('commentThemes').click();
    const themes = new CommentThemesPage(page);
    await themes.row('waiting').waitFor();

    expect(await themes.add({ key: 'wifi', nameZh: '无线网络', nameEn: 'Wi-Fi', phrasesZh: '无线网络，网速', phrasesEn: 'wifi\ninternet' })).toMatchObject({ status: 201 });
    await themes.submitButton().waitFor({ state: 'detached' });
    await themes.row('wifi').waitFor();
    expect((await themes.nameZh('wifi').innerText()).trim()).toBe('无线网络');
    expect(await themes.phrases('wifi').innerText()).toContain('网速');

    // A key that exists: the dialog stays open, the API's 409 shown under the key.
    expect(await themes.add({ key: 'wifi', nameZh: '又一个', nameEn: 'Again', phrasesZh: '网络', phrasesEn: '' })).toMatchObject({ status: 409 });
    await themes.keyError().waitFor();
    expect(await themes.keyError().innerText()).toContain('该主题代码已存在');
    await page.getByTestId('comment-theme-form-cancel').click();

    await themes.toggle('food');
    await page.waitForFunction(() => document.querySelector('[data-testid="comment-theme-status-food"]')?.textContent?.trim() === '已停用');

    const stored = (await admin.get<CommentTheme[]>('/api/comment-themes')).body;
    expect(stored.find((t) => t.key === 'wifi')).toEqual({
      key: 'wifi',
      nameZh: '无线网络',
      nameEn: 'Wi-Fi',
      builtIn: false,
      enabled: true,
      phrasesZh: ['无线网络', '网速'],
      phrasesEn: ['wifi', 'internet'],
    });
    expect(stored.find((t) => t.key === 'food')?.enabled).toBe(false);
    // The page survives a reload with what was saved.
    await themes.open(server.baseUrl);
    await eventually(
      async () => (await themes.status('food').innerText()).trim(),
      (status) => expect(status).toBe('已停用'),
    );
  });
});
