/**
 * The server's one error handler: a request the API cannot serve (bad parameters, unknown id)
 * becomes a 4xx with a message that says what to change; anything else is a 500 whose details
 * go to the log, never to the client.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorResponse } from './types.ts';

/** A request for something the graph does not hold. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler<FastifyError>((error, request, reply) => {
    let body: ErrorResponse;
    if (error instanceof NotFoundError) {
      body = { statusCode: 404, error: 'Not Found', message: error.message };
    } else if (error.validation) {
      body = { statusCode: 400, error: 'Bad Request', message: validationMessage(error) };
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const statusCode = error.statusCode;
      body = {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Bad Request',
        message: error.message,
      };
    } else {
      request.log.error({ err: error }, 'request failed');
      body = {
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'Something went wrong on the server; see its log.',
      };
    }
    return reply.status(body.statusCode).send(body);
  });
}

/** Ajv's message, naming the parameter it is about: `unknown query parameter "color"`. */
function validationMessage(error: FastifyError): string {
  const [first] = error.validation ?? [];
  const params = first?.params as { additionalProperty?: string } | undefined;
  if (params?.additionalProperty) {
    return `unknown ${error.validationContext === 'querystring' ? 'query ' : ''}parameter "${params.additionalProperty}"`;
  }
  return error.message;
}
