import type { Page, Response } from 'playwright-core';

/** The improvement pages (actions, an action, its form, targets) and the dashboard's marks, as a user works them. */
export class ImprovementPage {
  constructor(private readonly page: Page) {}

  /** A Material select's shown text (the chosen option's label). */
  async selectText(testId: string): Promise<string> {
    return (await this.page.getByTestId(testId).innerText()).trim();
  }

  async choose(selectTestId: string, optionTestId: string): Promise<void> {
    await this.page.getByTestId(selectTestId).click();
    await this.page.getByTestId(optionTestId).click();
  }

  /** Types a day into a datepicker field (year first, as both languages read it) and leaves the field. */
  async typeDay(testId: string, day: string): Promise<void> {
    await this.page.getByTestId(testId).fill(day);
    await this.page.getByTestId(testId).press('Tab');
  }

  /** Saves the action form and returns the API's answer. */
  async saveAction<T>(): Promise<{ status: number; body: T }> {
    const [response] = await Promise.all([
      this.page.waitForResponse((r: Response) => new URL(r.url()).pathname === '/api/improvement-actions' && r.request().method() === 'POST'),
      this.page.getByTestId('action-form-submit').click(),
    ]);
    return { status: response.status(), body: (await response.json()) as T };
  }

  /** The SVG elements ECharts drew in a dashboard chart with a stroke colour (mark lines). */
  chartStrokes(chart: string, stroke: string) {
    return this.page.locator(`[data-testid=chart-${chart}] svg path[stroke="${stroke}"]`);
  }

  /** The chart's tooltip (ECharts puts it in the chart's container). */
  chartTooltip(chart: string) {
    return this.page.locator(`[data-testid=chart-${chart}] div[style*="z-index"]`).filter({ hasText: /\S/ });
  }
}
