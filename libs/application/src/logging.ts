import { context, trace } from '@opentelemetry/api';
import pino from 'pino';

/** Paths redacted from every log line: credentials and personal data (phones, ID numbers). */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  '*.passwordHash',
  '*.JWT_SECRET',
  '*.phone',
  '*.principalPhone',
  '*.idNumber',
  '*.idCardNo',
];

/**
 * The active trace and span ids, merged into every log line (pino mixin) so a log line leads to its trace;
 * empty outside a traced operation and when tracing is off.
 */
export function activeTraceIds(): { trace_id?: string; span_id?: string } {
  const ids = trace.getSpan(context.active())?.spanContext();
  return ids && trace.isSpanContextValid(ids) ? { trace_id: ids.traceId, span_id: ids.spanId } : {};
}

export function createLogger(level: string, service: string) {
  return pino({
    level,
    base: { service },
    mixin: activeTraceIds,
    redact: { paths: REDACT_PATHS, censor: '***' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
