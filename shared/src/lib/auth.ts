import type { Role } from './roles';

export interface LoginRequest {
  username: string;
  password: string;
}

export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

export interface LoginResponse {
  accessToken: string;
  /** Seconds until the token expires. */
  expiresIn: number;
  user: AuthUser;
}

/** Failed logins allowed for one username from one source address before it is locked for a while. */
export const LOGIN_MAX_FAILURES = 5;
/** The longest such lock; the first lasts a minute and each further failure doubles it. */
export const LOGIN_LOCK_MINUTES = 15;
