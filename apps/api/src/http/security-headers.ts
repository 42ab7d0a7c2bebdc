import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import onHeaders from 'on-headers';

/**
 * Content-Security-Policy of every JSON/API response: nothing may load, nothing may frame it.
 * A browser that is tricked into rendering an API response as a document gets no script at all.
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Policy of HTML pages (the web console at `/`, the OpenAPI UI at `/docs`): scripts only from this
 * origin, never inline; inline styles allowed because the component library (Ant Design, CSS-in-JS)
 * injects them; images also from data:/blob: URLs (icons, previews); XHR/fetch only to this origin.
 */
export const HTML_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Downloads of stored evidence: never rendered, and sandboxed should a browser try anyway. */
export const DOWNLOAD_CSP = "default-src 'none'; sandbox";

const strictHelmet = helmet({
  contentSecurityPolicy: false,
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
  crossOriginOpenerPolicy: { policy: 'same-origin' },
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
});

/**
 * Helmet's headers on every response, then the CSP chosen when the headers go out, by what the
 * response turned out to be: HTML pages get HTML_CSP, everything else API_CSP. A handler that set
 * its own policy (document renditions, evidence downloads) keeps it. Responses are `no-store`
 * unless the handler chose a caching policy: API answers carry case data and personal data.
 */
export const securityHeaders: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
  strictHelmet(req, res, (err?: unknown) => {
    if (err) return next(err);
    res.setHeader('content-security-policy', API_CSP);
    onHeaders(res, function chooseContentSecurityPolicy() {
      const contentType = String(this.getHeader('content-type') ?? '');
      if (this.getHeader('content-security-policy') === API_CSP && /^text\/html\b/i.test(contentType))
        this.setHeader('content-security-policy', HTML_CSP);
      if (this.getHeader('cache-control') === undefined) this.setHeader('cache-control', 'no-store');
    });
    next();
  });
};
