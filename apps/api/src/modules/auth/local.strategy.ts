import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { type AuthedRequest, requestContext } from '../../common/auth/decorators';
import { DomainError } from '../../common/errors/domain-error';
import { validationPipe } from '../../common/errors/validation.pipe';
import { AuthService, type LoginResult } from './auth.service';
import { LoginDto } from './dto/auth.dto';

/** passport-local: username and password (and the one-time code) from the JSON body. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true, session: false });
  }

  /** passport-local hands over whatever the body holds; the body is validated as a LoginDto (a number is a 400). */
  async validate(request: AuthedRequest): Promise<LoginResult> {
    const { username, password, otp, deviceToken } = (await validationPipe.transform(request.body ?? {}, {
      type: 'body',
      metatype: LoginDto,
    })) as LoginDto;
    const userAgent = request.headers['user-agent'] ?? null;
    return this.auth.login(requestContext(request), { username, password, otp, deviceToken, userAgent });
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
