import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config.js';
import { formBody, jsonBody, refuseUnsafeText } from './request-limits.js';

// The pages use only this site's own stylesheet and scripts (public/), so the policy can forbid everything else.
const PAGE_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};
// Swagger UI writes inline styles; its page holds no personal data.
const DOCS_POLICY = { ...PAGE_POLICY, styleSrc: ["'self'", "'unsafe-inline'"] };
// A PDF opens in the browser's own viewer, which a script policy would block; it still may not be framed.
const PDF_POLICY = { defaultSrc: ["'none'"], objectSrc: ["'self'"], frameAncestors: ["'none'"] };

const DOCS_PATH = /^\/api\/docs(-json|\/|$)/;
const PDF_PATH = /^\/api\/documents\/[^/]+\/file$/;

function headers(config: AppConfig, directives: Record<string, string[]>): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...directives, ...(config.cookieSecure ? { upgradeInsecureRequests: [] } : {}) },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // Strict-Transport-Security only means something when the service is reached through HTTPS.
    strictTransportSecurity: config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}

function securityHeaders(config: AppConfig): RequestHandler {
  const pages = headers(config, PAGE_POLICY);
  const docs = headers(config, DOCS_POLICY);
  const pdf = headers(config, PDF_POLICY);
  return (request, response, next) => {
    const chosen = PDF_PATH.test(request.path) ? pdf : DOCS_PATH.test(request.path) ? docs : pages;
    chosen(request, response, next);
  };
}

// Personal data, PDFs included, is never kept by the browser or a proxy; only the static assets may be cached (the
// assets controller sets its own header).
function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('cache-control', 'no-store');
  response.setHeader('pragma', 'no-cache');
  next();
}

// Everything that protects the service before a controller runs, in order: client address behind a proxy, security
// headers, caching, body parsers sized per route, and the refusal of text PostgreSQL cannot hold.
export function hardenHttp(app: NestExpressApplication, config: AppConfig): void {
  if (config.trustProxy) app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config));
  app.use(noStore);
  app.use(jsonBody);
  app.use(formBody);
  app.use(refuseUnsafeText);
}
