import type { Page } from 'playwright-core';

/** The confirmation asked before a destructive one-click action. */
export class ConfirmDialog {
  constructor(private readonly page: Page) {}

  message() {
    return this.page.getByTestId('confirm-message');
  }

  async confirm(): Promise<void> {
    await this.page.getByTestId('confirm-ok').click();
    await this.message().waitFor({ state: 'detached' });
  }

  async cancel(): Promise<void> {
    await this.page.getByTestId('confirm-cancel').click();
    await this.message().waitFor({ state: 'detached' });
  }
}
