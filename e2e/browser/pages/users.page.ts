import type { Page } from 'playwright-core';

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
    // The dialog moves focus to its first field once open; typing before that would land in the wrong field.
    await this.page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'user-form-username',
    );
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
