import { DEMO_PASSWORD } from '@huifang/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { startDemoServer, type RunningServer } from '../support/server-process';
import { LoginPage } from './pages/login.page';

/**
 * WCAG contrast of an element's text against the first opaque background behind it
 * (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).
 */
function contrastOf(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((element) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    let background: number[] = [255, 255, 255];
    for (let node: Element | null = element; node; node = node.parentElement) {
      const [r, g, b, a = 1] = rgb(getComputedStyle(node).backgroundColor);
      if (a === 1 && r !== undefined) {
        background = [r, g, b];
        break;
      }
    }
    const [light, dark] = [luminance(rgb(getComputedStyle(element).color)), luminance(background)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
  });
}

describeInBrowser('keyboard and contrast', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startDemoServer('sqlite'),
      launchChromium(),
    ]);
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

  it('the first Tab reaches "跳到主要内容", and Enter moves focus to the page content', async () => {
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn('frontdesk', DEMO_PASSWORD);
    await page.locator('[data-testid^="patient-row-"]').first().waitFor();
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent?.trim(),
      visible: (document.activeElement as HTMLElement | null)?.getBoundingClientRect().top ?? -1,
    }));
    expect(focused.text).toBe('跳到主要内容');
    expect(focused.visible).toBeGreaterThanOrEqual(0);

    await page.keyboard.press('Enter');
    const target = await page.evaluate(() => ({
      id: document.activeElement?.id,
      holdsPage: !!document.activeElement?.querySelector('[data-testid="patients-table"]'),
    }));
    expect(target).toEqual({ id: 'main-content', holdsPage: true });
  });

  it('the dashboard\'s status counts reach WCAG AA (4.5:1), the at-risk orange included', async () => {
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn('quality', DEMO_PASSWORD);
    await page.getByTestId('status-count-at_risk').waitFor();
    const counts = ['status-count-active', 'status-count-at_risk', 'status-count-lapsed', 'overdue-callbacks'];
    const ratios = await Promise.all(counts.map((id) => contrastOf(page, `[data-testid="${id}"] strong`)));
    const tooPale = counts.map((id, i) => ({ id, ratio: ratios[i] })).filter(({ ratio }) => ratio < 4.5);
    expect(tooPale).toEqual([]);
  });
});
