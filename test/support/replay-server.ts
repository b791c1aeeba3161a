/**
 * A real HTTP server on 127.0.0.1 that answers as a script says: recorded API responses,
 * and the ways real servers fail (429 with Retry-After, 503, a stall past the timeout, a body
 * cut in the middle, a redirect). It notes every request and when it came, so a test can count
 * them and check the pace a client keeps.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Send this many bytes of the body (announcing all of it), then drop the connection. */
  cutAfter?: number;
}

export interface ReplayRequest {
  url: URL;
  at: number;
  userAgent: string | undefined;
}

export interface ReplayServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  requests: ReplayRequest[];
  close(): Promise<void>;
}

export async function startReplayServer(
  answer: (request: ReplayRequest, index: number) => Reply,
): Promise<ReplayServer> {
  const requests: ReplayRequest[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const request = {
      url: new URL(req.url ?? '/', 'http://127.0.0.1'),
      at: performance.now(),
      userAgent: req.headers['user-agent'],
    };
    requests.push(request);
    const reply = answer(request, requests.length - 1);
    const send = () => {
      const body = Buffer.from(reply.body ?? '');
      res.writeHead(reply.status ?? 200, {
        'content-type': 'application/atom+xml; charset=utf-8',
        'content-length': String(body.length),
        ...reply.headers,
      });
      if (reply.cutAfter !== undefined) {
        res.write(body.subarray(0, reply.cutAfter), () => res.socket?.destroy());
      } else {
        res.end(body);
      }
    };
    if (reply.delayMs) setTimeout(send, reply.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
