import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { type AuthedRequest, requestContext } from '../../common/auth/decorators';
import { coded, DomainError, type FieldMessages } from '../../common/errors/domain-error';
import { AuthService, type LoginResult } from './auth.service';

/** passport-local: username and password (and the one-time code) from the JSON body. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true, session: false });
  }

  async validate(request: AuthedRequest, username: string, password: string): Promise<LoginResult> {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const errors: FieldMessages = {};
    if (username.length > 64) errors.username = coded('validation.max_length', { max: 64 });
    if (password.length > 256) errors.password = coded('validation.max_length', { max: 256 });
    if (body.otp !== undefined && (typeof body.otp !== 'string' || body.otp.length > 32)) errors.otp = coded('validation.max_length', { max: 32 });
    const unknown = Object.keys(body).filter((key) => !['username', 'password', 'otp'].includes(key));
    for (const key of unknown) errors[key] = 'validation.not_allowed';
    if (Object.keys(errors).length > 0) throw DomainError.invalid(errors);
    const userAgent = request.headers['user-agent'] ?? null;
    return this.auth.login(requestContext(request), { username, password, otp: body.otp as string | undefined, userAgent });
  }
}

/** Runs LocalStrategy; its DomainErrors (401, 423, 400) pass through unchanged. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override handleRequest<T>(error: unknown, result: T | false, _info: unknown, _context: ExecutionContext): T {
    if (error) throw error;
    if (!result) {
      throw DomainError.invalid({ username: 'validation.required', password: 'validation.required' });
    }
    return result;
  }
}
