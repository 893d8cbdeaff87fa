import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { describeDatabaseError } from '../db/database';
import { isDatabaseUnavailableError, isUnstorableTextError } from '../db/connectionErrors';
import { KefuError, errorCatalog } from '../errors';
import type { ErrorCode } from '../errors';

/** The one place errors become HTTP responses: `{ error: { code, message, details? } }`. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | KefuError, request, reply) => {
    if (error instanceof KefuError) {
      const retryAfterSeconds = readRetryAfterSeconds(error.details);
      if (retryAfterSeconds !== null) reply.header('retry-after', String(retryAfterSeconds));
      return reply.status(error.status).send(errorBody(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => ({
        path: issue.instancePath || '/',
        message: issue.message,
      }));
      const summary = details.map((detail) => `${detail.path}: ${detail.message}`).join('; ');
      return reply
        .status(400)
        .send(
          errorBody(
            'validation_failed',
            `Invalid ${error.validationContext ?? 'request'}: ${summary}`,
            details,
          ),
        );
    }
    const code = mapFastifyErrorCode(error);
    if (code) return reply.status(errorCatalog[code].status).send(errorBody(code, error.message));
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(errorBody('validation_failed', error.message));
    }
    if (isUnstorableTextError(error))
      return reply
        .status(400)
        .send(errorBody('validation_failed', 'The request contains a character that cannot be stored (NUL)'));
    if (isDatabaseUnavailableError(error)) {
      request.log.warn({ err: describeDatabaseError(error) }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', '5')
        .send(errorBody('database_unavailable', errorCatalog.database_unavailable.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody('internal', errorCatalog.internal.message));
  });

  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send(errorBody('not_found', `No route for ${request.method} ${request.url.split('?')[0] ?? ''}`));
  });
}

export function errorBody(code: ErrorCode, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

function mapFastifyErrorCode(error: FastifyError): ErrorCode | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'invalid_json';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'payload_too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'validation_failed';
    default:
      return error instanceof SyntaxError ? 'invalid_json' : null;
  }
}

/** Errors that tell the client when to come back (rate limits, lock-outs) carry it in `details`. */
function readRetryAfterSeconds(details: unknown): number | null {
  if (typeof details !== 'object' || details === null || !('retryAfterSeconds' in details)) return null;
  const seconds = details.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : null;
}
