import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { assertSafeInput } from './hostile-input';

/**
 * The first global guard: refuses hostile input (too deep, NUL or lone surrogates,
 * built-in property names as keys) in the body, query and route parameters before
 * authentication, validation or a handler looks at it. Multipart fields are read by
 * the handler and checked there (readDocumentUpload).
 */
@Injectable()
export class InputGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    assertSafeInput(request.params, '');
    assertSafeInput(request.query, '');
    assertSafeInput(request.body, '');
    return true;
  }
}
