import type { SurveyInvitation } from '@huifang/shared';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { eventually } from '../support/eventually';
import { finishedVisit, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { LoginPage } from './pages/login.page';

/*
 * The Feedback page's Themes view (issue #13): a quality manager sees the theme trend, opens a theme
 * and reads its comments with the words that made the theme marked, then searches the comments.
 */
const ANSWERS = (nps: number) => [
  { questionId: 'csat', value: 3 },
  { questionId: 'nps', value: nps },
  { questionId: 'wait_time', value: 3 },
  { questionId: 'doctor_communication', value: 4 },
];

describeInBrowser('the Themes view of the Feedback page', () => {
  let server: RunningServer;
  let browser: Browser;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('sqlite', { HUIFANG_PUBLIC_RATE_LIMIT: '10000' }), launchChromium()]);
    const anonymous = new ApiClient(server.baseUrl);
    const admin = await anonymous.login('admin', ADMIN_PASSWORD);
    const desk = await staffClient(admin, anonymous, 'themes.desk', 'front_desk');
    await staffClient(admin, anonymous, 'themes.quality', 'quality_manager');
    const comments: Record<string, [string, number]> = {
      queue: ['排队太久了，等了两个小时，但是医生讲得很清楚', 3], // communication, waiting
      carPark: ['The wait was far too long and the car park was full.', 2], // parking_transport, waiting
      clean: ['护士态度很好，环境也干净', 10], // environment, staff_attitude
    };
    for (const [name, [comment, nps]] of Object.entries(comments)) {
      const { encounterId } = await finishedVisit(desk, { consent: { followUpCalls: true, surveys: true } }, 2);
      const invitation = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId });
      const reply = await anonymous.post<{ id: number }>(`/api/public/surveys/${invitation.body.token}`, { answers: ANSWERS(nps), comment });
      expect(reply.status).toBe(201);
      ids[name] = reply.body.id;
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function loggedIn(locale: string): Promise<Page> {
    const page = await (await browser.newContext({ locale, viewport: { width: 1366, height: 900 } })).newPage();
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn('themes.quality', 'correct-horse-battery');
    await page.waitForURL('**/dashboard**');
    return page;
  }

  const marks = (page: Page, name: string) => page.getByTestId(`theme-comment-${ids[name]}`).locator('mark').allInnerTexts();

  it("shows the trend, then a theme's comments with the matched words highlighted", async () => {
    const page = await loggedIn('zh-CN');
    await page.goto(`${server.baseUrl}/feedback-responses`);
    await page.getByTestId('feedback-tab-themes').click();
    await page.waitForURL('**/feedback-responses/themes**');
    // The trend: a line per theme, each period labelled with its n.
    await page.getByTestId('themes-trend-chart').locator('svg').waitFor();
    expect(await page.getByTestId('themes-trend-chart').innerText()).toContain('3 条留言');
    expect(await page.getByTestId('themes-all').innerText()).toContain('共 3 条留言');
    // Detractors (NPS 3 and 2): waiting in both of their comments.
    const detractors = page.getByTestId('themes-detractors');
    expect(await detractors.innerText()).toContain('贬损者留言 2 条');
    expect(await page.getByTestId('detractor-theme-waiting').innerText()).toContain('100% · 2 条');

    await page.getByTestId('detractor-theme-waiting').click();
    await page.waitForURL('**theme=waiting**');
    await page.getByTestId(`theme-comment-${ids['queue']}`).waitFor();
    expect(await page.getByTestId('themes-comments-total').innerText()).toContain('共 2 条留言');
    expect(await page.getByTestId(`theme-comment-${ids['clean']}`).count()).toBe(0);
    // The words that made "waiting": 排队 and 太久 side by side are one mark, the wait given in hours another; the English one is "wait".
    expect(await marks(page, 'queue')).toEqual(['排队太久', '等了两个小时']);
    expect(await marks(page, 'carPark')).toEqual(['wait']);
    // The comment reads as it was written around the marks.
    expect(await page.getByTestId(`theme-comment-${ids['queue']}`).locator('.comment-text').innerText()).toBe('排队太久了，等了两个小时，但是医生讲得很清楚');

    // Another theme from the list of all comments.
    await page.getByTestId('theme-communication').click();
    await page.waitForURL('**theme=communication**');
    await page.getByTestId(`theme-comment-${ids['carPark']}`).waitFor({ state: 'detached' });
    // The list re-renders with the new theme's marks (on a loaded machine, a moment after the URL changed).
    await eventually(
      () => marks(page, 'queue'),
      (found) => expect(found).toEqual(['讲得很清楚']),
    );
    await page.context().close();
  }, 60_000);

  it('searches the comments in Chinese and English, marking the searched words', async () => {
    const page = await loggedIn('en-US');
    await page.goto(`${server.baseUrl}/feedback-responses/themes`);
    await page.getByTestId('themes-search').fill('环境');
    await page.getByTestId('themes-search-submit').click();
    await page.waitForURL(/q=/);
    await page.getByTestId(`theme-comment-${ids['clean']}`).waitFor();
    expect(await page.getByTestId('themes-comments-total').innerText()).toContain('1 comments');
    expect(await marks(page, 'clean')).toEqual(['环境']);

    await page.getByTestId('themes-search').fill('car park');
    await page.getByTestId('themes-search-submit').click();
    await page.getByTestId(`theme-comment-${ids['carPark']}`).waitFor();
    expect(await page.getByTestId(`theme-comment-${ids['clean']}`).count()).toBe(0);
    expect(await marks(page, 'carPark')).toEqual(['car', 'park']);

    await page.getByTestId('themes-search').fill('停车');
    await page.getByTestId('themes-search-submit').click();
    await page.getByTestId('themes-comments-none').waitFor();
    await page.context().close();
  }, 60_000);
});
