import { Inject, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerRequest } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';

/**
 * The public routes (certificate check, open statistics), limited per client address to
 * PUBLIC_RATE_LIMIT_PER_MINUTE (each route counts on its own), so certificate numbers
 * cannot be enumerated quickly and no one client takes the server. Counted across
 * replicas, like the login limit (SharedThrottlerStorage).
 */
@Injectable()
export class PublicRateLimitGuard extends ThrottlerGuard {
  @Inject(APP_CONFIG) private readonly config: AppConfig;

  protected override handleRequest(request: ThrottlerRequest): Promise<boolean> {
    return super.handleRequest({
      ...request,
      limit: this.config.publicRateLimitPerMinute,
      ttl: 60_000,
      blockDuration: 60_000,
    });
  }
}
