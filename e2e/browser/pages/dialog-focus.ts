import type { Page } from 'playwright-core';

/**
 * Waits until an opened dialog has moved the focus to its first field (`testId`), which Material does
 * once the opening animation ends: text filled before that may land in the field the focus jumps to.
 */
export async function waitForDialogFocus(page: Page, testId: string): Promise<void> {
  await page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, testId);
}
