import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { type CodedMessage, englishMessage, type MessageCode, type MessageParams } from '@qonys/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';
import { codedOf, DomainError, HTTP_STATUS } from './domain-error';

/** Seconds a client waits before retrying a 503 (the database restarting, a failover). */
const RETRY_AFTER_SECONDS = 5;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The code of a framework error (Nest, Fastify, throttler) by its status. */
const HTTP_CODES: Record<number, MessageCode> = {
  400: 'http.bad_request',
  401: 'http.unauthorized',
  403: 'http.forbidden',
  404: 'http.not_found',
  413: 'http.payload_too_large',
  415: 'http.unsupported_media_type',
  429: 'http.too_many_requests',
};

/** PostgreSQL errors caused by the request's data rather than by a fault. */
const PG_CLIENT_ERRORS: Record<string, { status: number; code: MessageCode }> = {
  '23505': { status: 409, code: 'db.unique' },
  '23503': { status: 400, code: 'db.foreign_key' },
  '23514': { status: 400, code: 'db.check' },
  '22P02': { status: 400, code: 'db.format' },
  '22007': { status: 400, code: 'db.date_format' },
  '22008': { status: 400, code: 'db.date_range' },
  '22003': { status: 400, code: 'db.number_range' },
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  /** Stable catalogue code (libs/domain messages.ts); the admin translates it. */
  code: MessageCode;
  params: MessageParams;
  /** The English text, for API clients. */
  message: string;
  requestId: string;
  /** Per-field English messages, as react-admin and older clients read them. */
  errors?: Record<string, string>;
  /** Per-field codes and parameters. */
  errorCodes?: Record<string, CodedMessage>;
  [extra: string]: unknown;
}

/** One error shape everywhere; never a stack trace to the client. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = this.toBody(exception, String(request.id));
    if (body.statusCode === 503) {
      this.logger.warn({ requestId: request.id, reason: (exception as Error | null)?.message }, 'service unavailable');
      void reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
    } else if (typeof body.retryAfterSeconds === 'number') {
      void reply.header('Retry-After', String(body.retryAfterSeconds));
    } else if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, 'request failed');
    }
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown, requestId: string): ErrorBody {
    const base = (statusCode: number, code: MessageCode, params: MessageParams = {}): ErrorBody => ({
      statusCode,
      error: STATUS_TEXT[statusCode] ?? 'Error',
      code,
      params,
      message: englishMessage(code, params),
      requestId,
    });
    const byStatus = (status: number) =>
      HTTP_CODES[status] ? base(status, HTTP_CODES[status]) : base(status, 'http.error', { status });
    if (exception instanceof DomainError) {
      const body = { ...exception.extra, ...base(HTTP_STATUS[exception.kind], exception.code, exception.params) };
      if (exception.fieldErrors) {
        const fields = Object.entries(exception.fieldErrors).map(
          ([field, message]) => [field, codedOf(message)] as const,
        );
        body.errors = Object.fromEntries(fields.map(([field, m]) => [field, englishMessage(m.code, m.params)]));
        body.errorCodes = Object.fromEntries(fields);
      }
      return body;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // A body the parser refused (not JSON, a __proto__ key) is the body field's fault.
      const cause = (exception.cause as { code?: unknown } | undefined)?.code;
      if (status === 400 && (String(cause).startsWith('FST_ERR_CTP_') || exception.message.includes('forbidden prototype'))) {
        return this.toBody(DomainError.invalid({ body: 'request.body_unreadable' }), requestId);
      }
      return byStatus(status);
    }
    if (isDatabaseUnavailable(exception)) return base(503, 'server.unavailable');
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code;
      const known = code ? PG_CLIENT_ERRORS[code] : undefined;
      if (known) return base(known.status, known.code);
    }
    // Fastify's own errors (body too large, bad JSON) carry a 4xx statusCode.
    const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) return byStatus(statusCode);
    return base(500, 'server.internal');
  }
}
