import type { Role } from './roles';

export interface StaffUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface CreateUserRequest {
  username: string;
  displayName?: string;
  role: Role;
  password: string;
}

export interface UpdateUserRequest {
  displayName?: string;
  role?: Role;
  active?: boolean;
  /** A new password: the admin's password reset. */
  password?: string;
}

/** A staff member's display name: 1 to this many characters. */
export const USER_DISPLAY_NAME_MAX_LENGTH = 64;

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
