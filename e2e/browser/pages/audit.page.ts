import type { Page } from 'playwright-core';

/** Admin: /audit, the audit log with its filters and CSV export. */
export class AuditPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/audit`);
    await this.page.getByTestId('audit-table').waitFor();
  }

  rows() {
    return this.page.locator('[data-testid^="audit-row-"]');
  }

  /** The translated action of every row shown. */
  async actionsShown(): Promise<string[]> {
    return this.page.locator('[data-testid^="audit-action-"]').allInnerTexts();
  }

  async filterByPatient(patientId: number): Promise<void> {
    const field = this.page.getByTestId('audit-filter-patient');
    await field.fill(String(patientId));
    await field.press('Enter');
  }

  async filterByAction(action: string): Promise<void> {
    await this.page.getByTestId('audit-filter-action').click();
    await this.page.getByTestId(`audit-filter-action-${action}`).click();
  }

  /** Opens the "from" field's calendar and returns the header's month-and-year label. */
  async openFromCalendar(): Promise<string> {
    await this.page.getByTestId('audit-filter-from-toggle').locator('button').click();
    const label = this.page.locator('.mat-calendar-period-button');
    await label.waitFor();
    return (await label.innerText()).trim();
  }

  async exportCsv(): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('audit-export').click()]);
    const { readFile } = await import('node:fs/promises');
    return (await readFile(await download.path())).toString('utf8');
  }
}
