import type { Page } from 'playwright-core';
import { waitForDialogFocus } from './dialog-focus';

/** Admin: /comment-themes. */
export class CommentThemesPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/comment-themes`);
    await this.page.getByTestId('comment-themes-table').waitFor();
  }

  row(key: string) {
    return this.page.getByTestId(`comment-theme-row-${key}`);
  }

  nameZh(key: string) {
    return this.page.getByTestId(`comment-theme-name-zh-${key}`);
  }

  status(key: string) {
    return this.page.getByTestId(`comment-theme-status-${key}`);
  }

  phrases(key: string) {
    return this.page.getByTestId(`comment-theme-phrases-${key}`);
  }

  /**
   * Fills the add form and saves; the dialog stays open when the server refuses. Returns what the
   * API answered, or the form's own messages when it refused to send (so a failure says which).
   */
  async add(theme: { key: string; nameZh: string; nameEn: string; phrasesZh: string; phrasesEn: string }): Promise<{ status: number; body: string } | { formErrors: string[] }> {
    await this.page.getByTestId('comment-theme-add').click();
    await waitForDialogFocus(this.page, 'comment-theme-form-key');
    await this.page.getByTestId('comment-theme-form-key').fill(theme.key);
    await this.page.getByTestId('comment-theme-form-name-zh').fill(theme.nameZh);
    await this.page.getByTestId('comment-theme-form-name-en').fill(theme.nameEn);
    await this.page.getByTestId('comment-theme-form-phrases-zh').fill(theme.phrasesZh);
    await this.page.getByTestId('comment-theme-form-phrases-en').fill(theme.phrasesEn);
    const [response] = await Promise.all([
      this.page
        .waitForResponse((r) => new URL(r.url()).pathname === '/api/comment-themes' && r.request().method() === 'POST')
        .catch(() => null),
      this.submitButton().click(),
    ]);
    if (!response) return { formErrors: await this.page.locator('mat-dialog-container mat-error').allInnerTexts() };
    return { status: response.status(), body: await response.text() };
  }

  submitButton() {
    return this.page.getByTestId('comment-theme-form-submit');
  }

  keyError() {
    return this.page.getByTestId('comment-theme-form-key-error');
  }

  keyField() {
    return this.page.getByTestId('comment-theme-form-key');
  }

  async toggle(key: string): Promise<void> {
    await this.page.getByTestId(`comment-theme-toggle-${key}`).click();
  }
}
