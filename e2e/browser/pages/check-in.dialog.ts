import type { Page } from 'playwright-core';

/** The check-in dialog opened without a patient: search, pick, department, done. */
export class CheckInDialog {
  constructor(private readonly page: Page) {}

  async search(text: string): Promise<void> {
    const input = this.page.getByTestId('check-in-search');
    await input.waitFor();
    await input.fill(text);
  }

  hit(patientId: number) {
    return this.page.getByTestId(`check-in-hit-${patientId}`);
  }

  title() {
    return this.page.locator('mat-dialog-container h2');
  }

  async chooseDepartment(departmentId: number): Promise<void> {
    await this.page.getByTestId('check-in-department').click();
    await this.page.getByTestId(`check-in-department-${departmentId}`).click();
  }

  async submit(): Promise<void> {
    await this.page.getByTestId('check-in-submit').click();
    await this.page.waitForFunction(() => !document.querySelector('mat-dialog-container'));
  }
}
