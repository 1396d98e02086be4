/** Staff roles. Patients have no account: they reach only the public survey routes. */
export const ROLES = ['admin', 'quality_manager', 'front_desk'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
