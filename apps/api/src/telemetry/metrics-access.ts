import { createHash, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@safety/application';
import { DomainError, ErrorCode } from '@safety/domain/errors';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whether a scrape may read the metrics: with METRICS_TOKEN set, only with `Authorization: Bearer <token>`
 * (compared in constant time); without it, only on the METRICS_ADDRESS listener, which config validation
 * keeps on a loopback interface.
 */
export function scrapeAllowed(cfg: AppConfig, authorization: string | undefined): boolean {
  if (!cfg.METRICS_TOKEN) return true;
  const given = authorization?.startsWith('Bearer ') ? authorization.slice(7) : '';
  return timingSafeEqual(digest(given), digest(cfg.METRICS_TOKEN));
}

/** `/metrics` on the API port: only when a token guards it and no separate listener is configured. */
export const metricsOnApiPort = (cfg: AppConfig): boolean => !!cfg.METRICS_TOKEN && !cfg.METRICS_ADDRESS;

/** A scrape of `/metrics` on the API port: 404 when not served there, 401 without the metrics token. */
export function assertApiPortScrape(cfg: AppConfig, authorization: string | undefined): void {
  if (!metricsOnApiPort(cfg)) throw new DomainError(ErrorCode.NOT_FOUND, 'metrics are not served on this port');
  if (!scrapeAllowed(cfg, authorization))
    throw new DomainError(ErrorCode.UNAUTHENTICATED, 'the metrics token is missing or wrong');
}
