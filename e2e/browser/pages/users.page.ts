import type { Page } from 'playwright-core';
import { waitForDialogFocus } from './dialog-focus';

export class UsersPage {
  constructor(private readonly page: Page) {}

  table() {
    return this.page.getByTestId('users-table');
  }

  row(username: string) {
    return this.page.getByTestId(`user-row-${username}`);
  }

  async create(user: { username: string; displayName: string; password: string; role: string }): Promise<void> {
    await this.page.getByTestId('user-create').click();
    await waitForDialogFocus(this.page, 'user-form-username');
    await this.page.getByTestId('user-form-username').fill(user.username);
    await this.page.getByTestId('user-form-displayname').fill(user.displayName);
    await this.page.getByTestId('user-form-password').fill(user.password);
    await this.page.getByTestId('user-form-role').click();
    await this.page.getByTestId(`user-form-role-${user.role}`).click();
    await this.page.getByTestId('user-form-submit').click();
  }

  async toggleActive(username: string): Promise<void> {
    await this.page.getByTestId(`user-toggle-active-${username}`).click();
  }
}
