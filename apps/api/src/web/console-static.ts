import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { HTML_CSP } from '../http/security-headers';

/** Where the console lives: every client-side route and asset is under this prefix, which no API route uses. */
export const CONSOLE_PREFIX = '/ui';

/**
 * The HTML policy of the security headers (scripts only from this origin, never inline; inline styles
 * for Ant Design's CSS-in-JS), plus frames from this origin or blob: URLs for the printable documents.
 */
export const CONSOLE_CSP = `${HTML_CSP}; frame-src 'self' blob:`;

/** The console's entry document answers `GET /` and every `GET /ui/...` that is not a file (client-side routes). */
const isConsoleRoute = (path: string): boolean =>
  path === '/' || path === CONSOLE_PREFIX || (path.startsWith(`${CONSOLE_PREFIX}/`) && !path.startsWith('/ui/assets/'));

/**
 * Serves the built console (dist/web, from `vite build`) from the API process. Hashed assets are
 * cached for a year; the entry document is revalidated on every load so a new build takes effect.
 * Without a build, the console routes answer 404 saying how to build it; API routes are untouched.
 */
export function serveConsole(app: NestExpressApplication, configuredDir?: string): void {
  const dir = resolve(configuredDir ?? join(process.cwd(), 'dist', 'web'));
  const index = join(dir, 'index.html');
  app.useStaticAssets(dir, {
    prefix: `${CONSOLE_PREFIX}/`,
    index: false,
    setHeaders: (res: Response, path: string) => {
      const hashed = path.startsWith(join(dir, 'assets'));
      res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (path.endsWith('.html')) res.setHeader('content-security-policy', CONSOLE_CSP);
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isConsoleRoute(req.path)) return next();
    if (!existsSync(index)) {
      res.status(404).json({
        code: 'NOT_FOUND',
        message: `the console is not built (no ${index}): run npm run build`,
      });
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('content-security-policy', CONSOLE_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.sendFile(index);
  });
}
