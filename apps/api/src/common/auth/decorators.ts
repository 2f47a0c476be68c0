import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Action, Resource } from '@qonys/domain';
import type { FastifyRequest } from 'fastify';
import type { Actor, RequestContext } from './actor';

export const IS_PUBLIC = 'qonys:public';
export const PERMISSION = 'qonys:permission';
export const AUTHENTICATED_ONLY = 'qonys:authenticated-only';

/** No login needed (login itself, health, the public certificate check). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Any logged-in user may call it, whatever the role (their own account, their own session). */
export const AuthenticatedOnly = (): MethodDecorator => SetMetadata(AUTHENTICATED_ONLY, true);

export interface RequiredPermission {
  resource: Resource;
  action: Action;
}

/** The permission-table entry a route needs; routes without one are refused. */
export const RequirePermission = (resource: Resource, action: Action): MethodDecorator =>
  SetMetadata(PERMISSION, { resource, action } satisfies RequiredPermission);

export type AuthedRequest = FastifyRequest & { user?: Actor };

export function requestContext(request: AuthedRequest): RequestContext {
  return { actor: request.user ?? null, requestId: String(request.id), ip: request.ip ?? null };
}

/** The RequestContext (actor, request id, client address) of the current request. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext =>
  requestContext(context.switchToHttp().getRequest<AuthedRequest>()),
);
