import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ERROR_CODES, type Role } from '@huifang/shared';
import { toAuthUser, UsersService } from '../users/users.service';
import { AccessTokenService } from './access-token.service';
import type { AuthenticatedRequest } from './current-user.decorator';
import { IS_PUBLIC } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';

/**
 * Global guard: every route needs a valid staff token unless marked @Public(); @Roles() narrows it.
 * The user (active, role, token version) is read from the database on every request, uncached, so
 * a deactivation, role change or password reset made through any instance applies at once on all
 * of them: a per-process cache would leave old tokens valid on the other instances for its lifetime.
 * The read is one primary-key lookup in raw SQL (measured well under a millisecond on both databases).
 */

/** Exactly `Bearer <JWS compact serialisation>`: anything after the token is refused, not ignored. */
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { headers: Record<string, string | undefined> }>();
    const token = BEARER.exec(request.headers['authorization'] ?? '')?.[1];
    if (!token) throw new UnauthorizedException({ message: 'missing bearer token', code: ERROR_CODES.tokenMissing });

    const claims = this.tokens.verify(token);
    if (!claims) throw invalidToken();
    const user = await this.users.findSessionUser(claims.sub);
    if (!user || !user.active || claims.ver !== user.tokenVersion) {
      throw invalidToken();
    }
    request.user = toAuthUser(user);

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) {
      throw new ForbiddenException({ message: 'your role may not do this', code: ERROR_CODES.roleForbidden });
    }
    return true;
  }
}

function invalidToken(): UnauthorizedException {
  return new UnauthorizedException({ message: 'invalid or expired token', code: ERROR_CODES.tokenInvalid });
}
