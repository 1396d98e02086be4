import type { Page } from 'playwright-core';

/** Admin: /outreach (channels, outbox, message templates). */
export class OutreachPage {
  constructor(private readonly page: Page) {}

  channel(name: string) {
    return this.page.getByTestId(`channel-${name}`);
  }

  templateState(kind: string, language: string) {
    return this.page.getByTestId(`template-state-${kind}-${language}`);
  }

  async editTemplate(kind: string, language: string): Promise<void> {
    await this.page.getByTestId(`template-edit-${kind}-${language}`).click();
    await this.page.getByTestId('template-editor').waitFor();
  }

  body() {
    return this.page.getByTestId('template-body');
  }

  previewBody() {
    return this.page.getByTestId('template-preview-body');
  }

  async preview(): Promise<string> {
    await this.page.getByTestId('template-preview').click();
    await this.previewBody().waitFor();
    return this.previewBody().innerText();
  }

  async save(): Promise<void> {
    await this.page.getByTestId('template-save').click();
  }

  /** Narrows the outbox to one status with the filter's menu. */
  async filterStatus(status: string): Promise<void> {
    await this.page.getByTestId('outbox-filter-status').click();
    await this.page.getByTestId(`outbox-filter-status-${status}`).click();
  }

  row(messageId: number) {
    return this.page.getByTestId(`outbox-row-${messageId}`);
  }
}
