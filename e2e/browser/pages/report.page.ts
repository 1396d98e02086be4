import type { Page } from 'playwright-core';

/** The monthly assessment report page (`/reports`). */
export class ReportPage {
  constructor(private readonly page: Page) {}

  scope() {
    return this.page.getByTestId('report-scope');
  }

  generated() {
    return this.page.getByTestId('report-generated');
  }

  headline(name: string) {
    return this.page.getByTestId(`report-headline-${name}`);
  }

  section(name: string) {
    return this.page.getByTestId(`report-${name}`);
  }

  async chooseMonth(month: string): Promise<void> {
    const input = this.page.getByTestId('report-month');
    await input.fill(month);
    await input.dispatchEvent('change');
  }

  async chooseDepartment(id: number): Promise<void> {
    await this.page.getByTestId('report-department').click();
    await this.page.getByTestId(`report-department-${id}`).click();
  }

  /** Clicks a download button and answers the file's name and bytes. */
  async download(format: 'pdf' | 'xlsx'): Promise<{ name: string; body: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(`report-${format}`).click()]);
    const { readFile } = await import('node:fs/promises');
    return { name: download.suggestedFilename(), body: await readFile(await download.path()) };
  }
}
