import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { requestIdFrom, runWithRequestId } from '../common/request-context.js';
import { httpRequestDuration } from './metrics.js';

type Identified = Request & { id?: string };

// Probes and scrapes would drown the access log; they are still measured.
const QUIET = /^\/(health|metrics)(\/|$)/;

// First in the chain: gives the request its id (the caller's X-Request-Id if it is a plain token), answers it in the
// X-Request-Id header, writes one access-log line when the response ends and times it by route template.
export function observeRequests(logger: Logger): RequestHandler {
  const accessLog = pinoHttp({
    logger,
    genReqId: (req) => (req as Identified).id!,
    customAttributeKeys: { reqId: 'requestId' },
    autoLogging: { ignore: (req) => QUIET.test(req.url ?? '') },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    const id = requestIdFrom(req.headers['x-request-id']);
    (req as Identified).id = id;
    res.setHeader('X-Request-Id', id);
    const end = httpRequestDuration.startTimer({ method: req.method });
    res.on('finish', () => {
      // The route template ('/api/dossiers/:id'), never the raw URL, keeps the label set small.
      const route = (req.route?.path as string | undefined) ?? 'unmatched';
      end({ route, status: String(res.statusCode) });
    });
    runWithRequestId(id, () => accessLog(req, res, next));
  };
}

// After the body parsers: their stream callbacks lose the async context, so the id is entered again for the handlers.
export function keepRequestContext(): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) =>
    runWithRequestId((req as Identified).id ?? requestIdFrom(undefined), next);
}
