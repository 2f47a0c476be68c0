import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, ErrorKind } from '../errors/domain-error';
import { IS_PUBLIC } from './decorators';

/** Global guard: every route needs a valid access token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    return isPublic ? true : super.canActivate(context);
  }

  override handleRequest<T>(error: unknown, user: T | false): T {
    // passport-jwt reports a bad token as no user; an error is the session lookup failing
    // (the database down: a 503), and must not tell the client to throw its tokens away.
    if (error) throw error;
    if (!user) throw new DomainError(ErrorKind.Unauthenticated, 'auth.session_ended');
    return user;
  }
}
