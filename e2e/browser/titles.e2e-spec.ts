import { CALLBACK_VIEWS, DEMO_PASSWORD, type Page as ListPage, type PatientSummary } from '@huifang/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { startDemoServer, type RunningServer } from '../support/server-process';
import { LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';

const PRODUCT = '回访 Huifang';

/** Every page names itself in the tab: the page's name in the UI language, then the product's. */
describeInBrowser('document titles', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let patientId: number;
  let callbackId: number;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startDemoServer('sqlite'),
      launchChromium(),
    ]);
    const api = await new ApiClient(server.baseUrl).login('frontdesk', DEMO_PASSWORD);
    patientId = (await api.get<ListPage<PatientSummary>>('/api/patients?pageSize=1')).body.items[0].id;
    // Any open callback: which view holds the demo's depends on the time of day (today's may all be overdue by the afternoon).
    const views = await Promise.all(CALLBACK_VIEWS.map((view) => api.get<ListPage<{ id: number }>>(`/api/callbacks?view=${view}&pageSize=1`)));
    const open = views.flatMap((answer) => answer.body.items)[0];
    if (!open) throw new Error('the demo data has no open callback');
    callbackId = open.id;
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  /** Waits (titles follow lazy routes and translation loads), then checks the title. */
  const titleBecomes = async (expected: string) => {
    await page.waitForFunction((title) => document.title === title, expected, { timeout: 10_000 }).catch(() => undefined);
    expect(await page.title()).toBe(expected);
  };

  it('the login page', async () => {
    await new LoginPage(page).open(server.baseUrl);
    await titleBecomes(`登录 · ${PRODUCT}`);
  });

  it('every staff page, in Chinese', async () => {
    const login = new LoginPage(page);
    await login.logIn('admin', DEMO_PASSWORD);
    await page.waitForURL('**/users**');
    const pages: [string, string][] = [
      ['/patients', '患者'],
      ['/patients/today', '今日就诊'],
      [`/patients/${patientId}`, '患者详情'],
      ['/callbacks', '回访任务'],
      ['/dashboard', '质控看板'],
      ['/feedback-responses', '患者反馈'],
      ['/improvement', '改进措施'],
      ['/improvement/new', '新建改进措施'],
      ['/targets', '指标目标'],
      ['/users', '用户管理'],
      ['/templates', '问卷模板'],
      ['/rules', '回访规则'],
      ['/outreach', '患者消息'],
      ['/departments', '科室管理'],
      ['/comment-themes', '留言主题管理'],
      ['/audit', '审计日志'],
      ['/imports', '数据导入'],
      ['/imports/fhir-departments', 'FHIR 科室对应'],
      ['/settings', '医院设置'],
      [`/callbacks/${callbackId}`, '回访详情'],
    ];
    for (const [path, name] of pages) {
      await page.goto(`${server.baseUrl}${path}`);
      await titleBecomes(`${name} · ${PRODUCT}`);
    }
  });

  it('follows a language switch without a reload, and in-app navigation', async () => {
    await page.goto(`${server.baseUrl}/callbacks`);
    await titleBecomes(`回访任务 · ${PRODUCT}`);
    const shell = new ShellPage(page);
    await shell.switchLanguage();
    await titleBecomes(`Callbacks · ${PRODUCT}`);
    await shell.navLink('rules').click();
    await titleBecomes(`Rules · ${PRODUCT}`);
    await shell.switchLanguage();
    await titleBecomes(`回访规则 · ${PRODUCT}`);
  });
});
