import type { Page } from 'playwright-core';

/** `/patients/today`: the front desk's live board above today's waiting and in-room lists. */
export class TodayPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/patients/today`);
    await this.page.getByTestId('today-waiting').waitFor();
    await this.waitingNow().waitFor();
  }

  async refresh(): Promise<void> {
    await this.page.getByTestId('today-refresh').click();
  }

  row(encounterId: number) {
    return this.page.getByTestId('today-waiting').getByTestId(`today-row-${encounterId}`);
  }

  board() {
    return this.page.getByTestId('live-board');
  }

  waitingNow() {
    return this.page.getByTestId('live-waiting-now');
  }

  department(departmentId: number) {
    return this.page.getByTestId(`live-department-${departmentId}`);
  }

  /** The waiting count the board shows for a department. */
  async departmentWaiting(departmentId: number): Promise<number> {
    return Number(await this.department(departmentId).getByTestId('live-waiting').innerText());
  }

  /** The median wait so far as shown: a number of minutes, or "—" before anyone was called. */
  async departmentMedian(departmentId: number): Promise<string> {
    return (await this.department(departmentId).getByTestId('live-median').innerText()).trim();
  }

  /** Waits, without reloading, until the board shows `expected` waiting for the department. */
  async waitForDepartmentWaiting(departmentId: number, expected: number, timeout = 30_000): Promise<void> {
    await this.page.waitForFunction(
      ([id, count]) =>
        document.querySelector(`[data-testid="live-department-${id}"] [data-testid="live-waiting"]`)?.textContent?.trim() ===
        String(count),
      [departmentId, expected] as const,
      { timeout },
    );
  }
}
