import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthUser } from '@huifang/shared';

/** Who is acting and from where: what every audit entry and every recorded change needs. */
export interface AuditContext {
  actor: AuthUser;
  ip: string | null;
}

export const Audit = createParamDecorator((_data: unknown, context: ExecutionContext): AuditContext => {
  const request = context.switchToHttp().getRequest<{ user: AuthUser; ip?: string }>();
  return { actor: request.user, ip: request.ip ?? null };
});
