import type { Page } from 'playwright-core';

export const NAV_PAGES = [
  'patients',
  'callbacks',
  'dashboard',
  'relationship',
  'improvement',
  'reports',
  'feedback',
  'users',
  'departments',
  'commentThemes',
  'templates',
  'rules',
  'outreach',
  'targets',
  'audit',
  'imports',
  'settings',
] as const;
export type NavPage = (typeof NAV_PAGES)[number];

export class ShellPage {
  constructor(private readonly page: Page) {}

  currentUser() {
    return this.page.getByTestId('current-user');
  }

  navLink(page: NavPage) {
    return this.page.getByTestId(`nav-${page}`);
  }

  /** The nav entries shown, in order. */
  async visibleNav(): Promise<NavPage[]> {
    await this.currentUser().waitFor();
    const shown: NavPage[] = [];
    for (const page of NAV_PAGES) if (await this.navLink(page).isVisible()) shown.push(page);
    return shown;
  }

  async switchLanguage(): Promise<void> {
    await this.page.getByTestId('lang-switch').first().click();
  }

  async logOut(): Promise<void> {
    await this.page.getByTestId('logout').click();
  }
}
