import type { Role } from '@huifang/shared';

/** The staff pages, in the order the side nav shows them. */
export const STAFF_PAGES = [
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
export type StaffPage = (typeof STAFF_PAGES)[number];

export interface PageAccess {
  /** Route path below the shell, without a leading slash. */
  path: string;
  /** Least privilege (DOMAIN.md, Actors): the roles that may open the page. */
  roles: readonly Role[];
}

/** One table for both the route guards and the side nav, so the two cannot disagree. */
export const PAGE_ACCESS: Readonly<Record<StaffPage, PageAccess>> = {
  patients: { path: 'patients', roles: ['front_desk', 'admin'] },
  // Quality managers work the service-recovery callbacks (DOMAIN.md, Actors).
  callbacks: { path: 'callbacks', roles: ['front_desk', 'quality_manager', 'admin'] },
  dashboard: { path: 'dashboard', roles: ['quality_manager', 'admin'] },
  // Relationship phases and patient value (DOMAIN.md): the quality managers' view, beside the dashboard.
  relationship: { path: 'relationship', roles: ['quality_manager', 'admin'] },
  // Improvement actions and their before/after verdicts (DOMAIN.md, PDCA): the quality managers' work.
  improvement: { path: 'improvement', roles: ['quality_manager', 'admin'] },
  // The monthly assessment report (issue #15): the quality managers' write-up of the month.
  reports: { path: 'reports', roles: ['quality_manager', 'admin'] },
  // `/feedback/:token` is reserved for the public patient survey page.
  feedback: { path: 'feedback-responses', roles: ['quality_manager', 'admin'] },
  users: { path: 'users', roles: ['admin'] },
  templates: { path: 'templates', roles: ['admin'] },
  rules: { path: 'rules', roles: ['admin'] },
  departments: { path: 'departments', roles: ['admin'] },
  // Messages to patients (issue #16): channels, the outbox (which names patients by id) and the templates.
  outreach: { path: 'outreach', roles: ['admin'] },
  // Quality managers read the targets (the dashboard draws them); only admins set them.
  targets: { path: 'targets', roles: ['admin'] },
  // Quality managers may read the theme list through the API (the Themes view names themes), but only admins change it.
  commentThemes: { path: 'comment-themes', roles: ['admin'] },
  audit: { path: 'audit', roles: ['admin'] },
  // Bringing the HIS's history in writes patients and visits in bulk: admins only.
  imports: { path: 'imports', roles: ['admin'] },
  settings: { path: 'settings', roles: ['admin'] },
};

/**
 * One patient's page (`/patients/:id`): the front desk and admins work there; quality managers open
 * it from a drill-down to read (DOMAIN.md, Actors: "drill down to patients"), the API refusing them
 * every write.
 */
export const PATIENT_PAGE_ROLES: readonly Role[] = ['front_desk', 'quality_manager', 'admin'];

export function canOpenPatient(role: Role): boolean {
  return PATIENT_PAGE_ROLES.includes(role);
}

const HOME_PAGE: Readonly<Record<Role, StaffPage>> = {
  front_desk: 'patients',
  quality_manager: 'dashboard',
  admin: 'users',
};

export function canOpenPage(role: Role, page: StaffPage): boolean {
  return PAGE_ACCESS[page].roles.includes(role);
}

/** Where a user lands after login and on `/`. */
export function homePathFor(role: Role): string {
  return `/${PAGE_ACCESS[HOME_PAGE[role]].path}`;
}
