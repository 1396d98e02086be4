import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { defaultErrorCode, type ApiError, type ErrorCode } from '@huifang/shared';
import { databaseErrorToHttp, describeQueryError } from '../database/database-error';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Errors raised by Fastify itself (bad JSON, body too large) carry a 4xx `statusCode`. */
function isClientHttpError(error: unknown): error is { statusCode: number; message: string } {
  const status = (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** Maps any error to the API.md shape; a message the client did not cause is never passed on. */
export function toApiError(error: unknown, requestId: string | undefined): ApiError {
  const mapped = databaseErrorToHttp(error);
  if (mapped) return toApiError(mapped, requestId);
  if (error instanceof HttpException) {
    const statusCode = error.getStatus();
    const body = error.getResponse();
    const code = defaultErrorCode(statusCode);
    if (typeof body === 'string') return { statusCode, error: STATUS_TEXT[statusCode] ?? 'Error', message: body, code, requestId };
    // Features may add fields for the client (e.g. `existingPatientId` on a duplicate registration) and a specific `code`.
    const { message, statusCode: _s, error: _e, ...extra } = body as { message?: string | string[]; statusCode?: number; error?: string; code?: ErrorCode };
    return { code, ...extra, statusCode, error: STATUS_TEXT[statusCode] ?? 'Error', message: message ?? error.message, requestId };
  }
  if (isClientHttpError(error)) {
    const statusCode = error.statusCode;
    // Fastify's own messages are fixed texts about the request (never data or internals).
    return { statusCode, error: STATUS_TEXT[statusCode] ?? 'Error', message: error.message, code: defaultErrorCode(statusCode), requestId };
  }
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    error: STATUS_TEXT[500],
    message: 'Internal server error',
    code: defaultErrorCode(500),
    requestId,
  };
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = toApiError(exception, request.id);
    if (exception instanceof QueryFailedError) {
      // Never the whole error: its `query`, `parameters` and driver `detail` carry patients' data.
      const level = body.statusCode >= 500 ? 'error' : 'warn';
      this.logger[level]({ dbError: describeQueryError(exception), requestId: body.requestId }, 'query failed');
    } else if (body.statusCode >= 500) {
      // The stack goes to the log (never to the client); no request body is logged.
      this.logger.error({ err: exception, requestId: body.requestId }, 'unhandled error');
    }
    this.send(request, reply, body);
  }

  /** Writes the answer; a feature speaking another error format (FHIR's OperationOutcome) overrides this. */
  protected send(_request: FastifyRequest, reply: FastifyReply, body: ApiError): void {
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
