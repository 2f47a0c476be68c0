import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';
import { DomainError, HTTP_STATUS } from './domain-error';

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

/** PostgreSQL errors caused by the request's data rather than by a fault. */
const PG_CLIENT_ERRORS: Record<string, { status: number; message: string }> = {
  '23505': { status: 409, message: 'A record with the same unique value already exists' },
  '23503': { status: 400, message: 'A referenced record does not exist' },
  '23514': { status: 400, message: 'A value breaks a rule of the record' },
  '22P02': { status: 400, message: 'A value has the wrong format' },
  '22007': { status: 400, message: 'A date or time has the wrong format' },
  '22008': { status: 400, message: 'A date or time is out of range' },
  '22003': { status: 400, message: 'A number is out of range' },
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: Record<string, string>;
  requestId: string;
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
    } else if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, 'request failed');
    }
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown, requestId: string): ErrorBody {
    const base = (statusCode: number, message: string): ErrorBody => ({
      statusCode,
      error: STATUS_TEXT[statusCode] ?? 'Error',
      message,
      requestId,
    });
    if (exception instanceof DomainError) {
      const body = { ...exception.extra, ...base(HTTP_STATUS[exception.code], exception.message) };
      if (exception.fieldErrors) body.errors = exception.fieldErrors;
      return body;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : typeof (response as { message?: unknown }).message === 'string'
            ? (response as { message: string }).message
            : exception.message;
      const body = base(status, message);
      // A body the parser refused (not JSON, a __proto__ key) is the body field's fault.
      const cause = (exception.cause as { code?: unknown } | undefined)?.code;
      if (status === 400 && (String(cause).startsWith('FST_ERR_CTP_') || message.includes('forbidden prototype'))) {
        body.errors = { body: message };
      }
      return body;
    }
    if (isDatabaseUnavailable(exception)) return base(503, 'service.unavailable');
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code;
      const known = code ? PG_CLIENT_ERRORS[code] : undefined;
      if (known) return base(known.status, known.message);
    }
    // Fastify's own errors (body too large, bad JSON) carry a 4xx statusCode.
    const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      return base(statusCode, (exception as Error).message);
    }
    return base(500, 'Internal server error; quote the request id when reporting it');
  }
}
