import type { Page } from 'playwright-core';
import { waitForDialogFocus } from './dialog-focus';

/** Admin: /departments. */
export class DepartmentsPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/departments`);
    await this.page.getByTestId('departments-table').waitFor();
  }

  row(code: string) {
    return this.page.getByTestId(`department-row-${code}`);
  }

  name(code: string) {
    return this.page.getByTestId(`department-name-${code}`);
  }

  status(code: string) {
    return this.page.getByTestId(`department-status-${code}`);
  }

  async rename(code: string, name: string, nameEn: string): Promise<void> {
    await this.page.getByTestId(`department-rename-${code}`).click();
    await waitForDialogFocus(this.page, 'department-form-name');
    await this.page.getByTestId('department-form-name').fill(name);
    await this.page.getByTestId('department-form-name-en').fill(nameEn);
    await this.page.getByTestId('department-form-submit').click();
    await this.page.getByTestId('department-form-submit').waitFor({ state: 'detached' });
  }

  async clickDeactivate(code: string): Promise<void> {
    await this.page.getByTestId(`department-deactivate-${code}`).click();
  }
}
