import { DEMO_PASSWORD } from '@huifang/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { startDemoServer, type RunningServer } from '../support/server-process';
import { LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';
import { UsersPage } from './pages/users.page';

describeInBrowser('staff login in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('sqlite'), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
  });
  afterEach(() => context?.close());

  it('serves the login page from / on the same port as the API, in Chinese for a Chinese browser', async () => {
    await page.goto(server.baseUrl);
    await page.waitForURL('**/login**');
    await page.getByTestId('login-username').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.getByTestId('login-submit').innerText()).toContain('登录');
  });

  it('shows an error for a wrong password and stays on the login page', async () => {
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn('frontdesk', 'not-the-password');
    await login.error().waitFor();
    expect(page.url()).toContain('/login');
  });

  it.each([
    ['frontdesk', ['patients', 'callbacks'], '/patients'],
    ['quality', ['callbacks', 'dashboard', 'relationship', 'improvement', 'reports', 'feedback'], '/dashboard'],
    [
      'admin',
      ['patients', 'callbacks', 'dashboard', 'relationship', 'improvement', 'reports', 'feedback', 'users', 'departments', 'commentThemes', 'templates', 'rules', 'outreach', 'targets', 'audit', 'imports', 'settings'],
      '/users',
    ],
  ])('logs %s in and shows the navigation of their role', async (username, nav, home) => {
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn(username, DEMO_PASSWORD);
    await page.waitForURL(`**${home}`);
    const shell = new ShellPage(page);
    expect(await shell.visibleNav()).toEqual(nav);
  });

  it('keeps a front-desk user out of admin pages and logs out', async () => {
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn('frontdesk', DEMO_PASSWORD);
    await page.waitForURL('**/patients');
    await page.goto(`${server.baseUrl}/users`);
    await page.waitForURL('**/patients');
    await page.getByTestId('patients-table').waitFor();
    expect(await page.getByTestId('users-table').count()).toBe(0);

    await new ShellPage(page).logOut();
    await page.waitForURL('**/login**');
    await page.goto(`${server.baseUrl}/patients`);
    await page.waitForURL('**/login**');
  });

  it('switches the interface to English', async () => {
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn('quality', DEMO_PASSWORD);
    const shell = new ShellPage(page);
    await shell.currentUser().waitFor();
    await shell.switchLanguage();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.getByTestId('logout').innerText()).toMatch(/log ?out|sign ?out/i);
  });

  it('lets an admin create a staff account who can then log in', async () => {
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn('admin', DEMO_PASSWORD);
    const users = new UsersPage(page);
    await users.table().waitFor();
    await users.create({ username: 'chen.jing', displayName: '陈静', password: 'new-staff-password', role: 'front_desk' });
    await users.row('chen.jing').waitFor();
    expect(await users.row('chen.jing').innerText()).toContain('陈静');

    const second = await browser.newContext({ locale: 'en-US' });
    const newcomer = await second.newPage();
    const newcomerLogin = new LoginPage(newcomer);
    await newcomerLogin.open(server.baseUrl);
    await newcomerLogin.logIn('chen.jing', 'new-staff-password');
    await newcomer.waitForURL('**/patients');
    expect(await new ShellPage(newcomer).currentUser().innerText()).toBe('陈静');
    await second.close();
  });
});
