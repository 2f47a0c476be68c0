import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can } from '@qonys/domain';
import { AuditService } from '../../modules/audit/audit.service';
import { DomainError, ErrorKind } from '../errors/domain-error';
import {
  AUTHENTICATED_ONLY,
  type AuthedRequest,
  IS_PUBLIC,
  PERMISSION,
  requestContext,
  type RequiredPermission,
} from './decorators';

/**
 * Global guard after JwtAuthGuard: the route's @RequirePermission must be granted to
 * the caller's role by the shared permission table. A route that declares nothing is
 * refused (fail closed). Refusals are audited. Row-level region scoping is the
 * services' job, with the grant's scope.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const actor = request.user;
    if (!actor) throw new DomainError(ErrorKind.Unauthenticated, 'auth.login_first');
    if (this.reflector.getAllAndOverride<boolean>(AUTHENTICATED_ONLY, targets)) return true;
    const required = this.reflector.getAllAndOverride<RequiredPermission | undefined>(PERMISSION, targets);
    if (required && can(actor.role, required.resource, required.action)) return true;
    await this.audit.recordAlone(requestContext(request), {
      action: 'access.denied',
      entityType: required?.resource ?? 'route',
      changes: { request: { before: null, after: `${request.method} ${request.url.split('?')[0]}` } },
    });
    throw new DomainError(ErrorKind.Forbidden, 'auth.forbidden');
  }
}
