import { SetMetadata } from '@nestjs/common';
import type { Role } from '@huifang/shared';

export const ROLES_KEY = 'huifang:roles';

/** Restricts a route (or controller) to these roles; without it any signed-in staff member may call it. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
