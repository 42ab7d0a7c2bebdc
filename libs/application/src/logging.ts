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

export function createLogger(level: string, service: string) {
  return pino({
    level,
    base: { service },
    redact: { paths: REDACT_PATHS, censor: '***' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
