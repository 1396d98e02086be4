import { navItemsFor } from './nav-items';

describe('navItemsFor (least privilege)', () => {
  const links = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((item) => item.link);

  it('gives front desk staff patients and callbacks only', () => {
    expect(links('front_desk')).toEqual(['/patients', '/callbacks']);
  });

  it('gives quality managers callbacks (service recovery), the dashboard, the relationship view, improvement actions, the assessment report and feedback', () => {
    expect(links('quality_manager')).toEqual(['/callbacks', '/dashboard', '/relationship', '/improvement', '/reports', '/feedback-responses']);
  });

  it('gives admins every staff page, users, templates, rules and hospital settings included', () => {
    expect(links('admin')).toEqual([
      '/patients',
      '/callbacks',
      '/dashboard',
      '/relationship',
      '/improvement',
      '/reports',
      '/feedback-responses',
      '/users',
      '/departments',
      '/comment-themes',
      '/templates',
      '/rules',
      '/outreach',
      '/targets',
      '/audit',
      '/imports',
      '/settings',
    ]);
  });

  it('gives nobody without a role any link', () => {
    expect(navItemsFor(null)).toEqual([]);
    expect(navItemsFor(undefined)).toEqual([]);
  });

  it('names each link with the stable test id and a translation key', () => {
    expect(navItemsFor('quality_manager')).toEqual([
      { page: 'callbacks', link: '/callbacks', labelKey: 'nav.callbacks', testId: 'nav-callbacks' },
      { page: 'dashboard', link: '/dashboard', labelKey: 'nav.dashboard', testId: 'nav-dashboard' },
      { page: 'relationship', link: '/relationship', labelKey: 'nav.relationship', testId: 'nav-relationship' },
      { page: 'improvement', link: '/improvement', labelKey: 'nav.improvement', testId: 'nav-improvement' },
      { page: 'reports', link: '/reports', labelKey: 'nav.reports', testId: 'nav-reports' },
      { page: 'feedback', link: '/feedback-responses', labelKey: 'nav.feedback', testId: 'nav-feedback' },
    ]);
  });

  it('never links staff to the public /feedback/:token route', () => {
    for (const role of ['admin', 'quality_manager', 'front_desk'] as const) {
      expect(links(role).some((link) => link === '/feedback' || link.startsWith('/feedback/'))).toBe(false);
    }
  });
});
