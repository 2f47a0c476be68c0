import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { ListResult } from './list-query';

/** Sends a ListResult as a JSON array with the Content-Range header react-admin reads (and X-Total-Estimated). */
@Injectable()
export class ListInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((result: unknown) => {
        if (!(result instanceof ListResult)) return result;
        const reply = context.switchToHttp().getResponse<FastifyReply>();
        const last = result.items.length === 0 ? result.start : result.start + result.items.length - 1;
        void reply.header('Content-Range', `${result.resource} ${result.start}-${last}/${result.total}`);
        // react-admin reads the figure as any total; the admin's pager then says "about" (docs/lists.md).
        if (result.estimated) void reply.header('X-Total-Estimated', 'true');
        return result.items;
      }),
    );
  }
}
