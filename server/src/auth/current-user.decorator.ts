import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthUser } from '@huifang/shared';

export interface AuthenticatedRequest {
  user?: AuthUser;
}

/** The signed-in staff member, as checked by the AuthGuard. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().user as AuthUser,
);
