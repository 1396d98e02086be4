import type { Page } from 'playwright-core';

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

  /** Fills the add form and saves; the dialog stays open when the server refuses. */
  async add(theme: { key: string; nameZh: string; nameEn: string; phrasesZh: string; phrasesEn: string }): Promise<void> {
    await this.page.getByTestId('comment-theme-add').click();
    await this.page.getByTestId('comment-theme-form-key').fill(theme.key);
    await this.page.getByTestId('comment-theme-form-name-zh').fill(theme.nameZh);
    await this.page.getByTestId('comment-theme-form-name-en').fill(theme.nameEn);
    await this.page.getByTestId('comment-theme-form-phrases-zh').fill(theme.phrasesZh);
    await this.page.getByTestId('comment-theme-form-phrases-en').fill(theme.phrasesEn);
    await this.page.getByTestId('comment-theme-form-submit').click();
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
