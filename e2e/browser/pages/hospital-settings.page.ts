import type { Page } from 'playwright-core';

/** `/settings`: the admin's hospital settings form. */
export class HospitalSettingsPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/settings`);
    await this.page.getByTestId('settings-time-zone').waitFor();
  }

  field(name: string) {
    return this.page.getByTestId(`settings-${name}`);
  }

  fieldError(name: string) {
    return this.page.getByTestId(`settings-${name}-error`);
  }

  save() {
    return this.page.getByTestId('settings-save');
  }
}
