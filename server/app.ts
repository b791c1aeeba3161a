/**
 * Builds the Fastify app — the JSON API and, when a built web app is given, the explorer —
 * without listening, so tests drive it with `inject` or a real socket and `main.ts` decides
 * where it listens.
 */
import { existsSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
} from 'fastify';
import { registerErrorHandler } from './api/errors.ts';
import { registerApiRoutes } from './api/routes.ts';
import type { ErrorResponse } from './api/types.ts';
import { inThreadReader, type GraphReader } from './store/graph-reader.ts';
import type { GraphStore } from './store/graph-store.ts';

export interface AppOptions {
  store: GraphStore;
  /**
   * What the API reads through: the server passes read threads (store/read-threads.ts), so
   * that no read holds its event loop; by default `store`, in this thread.
   */
  reader?: GraphReader;
  /** Folder of the built web app (`dist/web`); the API alone when absent. */
  webRoot?: string;
  logger?: FastifyServerOptions['logger'];
  /**
   * Serve the topic and paper maps from a cache tied to the store's versions (default true;
   * `npm run bench:api` turns it off to measure what it saves).
   */
  cacheMaps?: boolean;
}

/** Only our own scripts and styles, and no framing: user data never becomes markup. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The explorer uses none of these: no page of it may, whatever finds its way into it. */
const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()';

export async function buildApp({
  store,
  reader = inThreadReader(store),
  webRoot,
  logger = false,
  cacheMaps = true,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    routerOptions: { maxParamLength: 500 },
    // A malformed URL (bad percent-encoding) gets the same error shape as every other 400.
    frameworkErrors: (error, _request, reply) => {
      const statusCode = error.statusCode ?? 400;
      const body: ErrorResponse = {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Bad Request',
        message: error.message,
      };
      void (reply as FastifyReply).status(statusCode).send(body);
    },
    // Unknown query parameters are an error, not silently dropped: a typo should be visible.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true } },
  });
  registerErrorHandler(app);

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      reply.header('Permissions-Policy', PERMISSIONS_POLICY);
    }
    return payload;
  });

  registerApiRoutes(app, reader, { cacheMaps });

  const root = webRoot ? resolve(webRoot) : undefined;
  if (root && existsSync(resolve(root, 'index.html'))) {
    await app.register(fastifyStatic, { root, wildcard: false });
  }
  app.setNotFoundHandler((request, reply) => {
    // The explorer keeps its state in the URL hash, so any page path gets the app, for GET
    // and HEAD alike; an API path (in any case: /API/health) or a missing file of the built
    // app (/assets/…) is a 404, not a page that would parse as nothing.
    const path = request.url.split('?')[0] ?? '';
    const page =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !/^\/api(\/|$)/i.test(path) &&
      !path.startsWith('/assets/');
    if (root && page) return reply.sendFile('index.html');
    const body: ErrorResponse = {
      statusCode: 404,
      error: 'Not Found',
      message: `no route ${request.method} ${request.url.split('?')[0]}`,
    };
    return reply.status(404).send(body);
  });
  return app;
}
