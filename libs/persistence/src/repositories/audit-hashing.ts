import { createHash } from 'node:crypto';

/** Genesis of the rows written before the record was split into streams (one chain). */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);
/** The stream that holds those rows. */
export const LEGACY_AUDIT_STREAM = 'legacy';

export interface AuditAppend {
  occurredAt: Date;
  actorId?: string | null;
  actorRole?: string | null;
  caseId?: string | null;
  taskId?: string | null;
  action: string;
  summary?: Record<string, unknown>;
  requestId?: string | null;
  /** A denied request: chained with the actor's other denials, never in a case's record. */
  denial?: boolean;
}

/**
 * The chain a row joins: the case's own, else the actor's denials or the actor's other actions,
 * else the installation's (anonymous system actions).
 */
export function auditStreamOf(entry: Pick<AuditAppend, 'caseId' | 'actorId' | 'denial'>): string {
  if (entry.denial) return `denials:${entry.actorId ?? 'anonymous'}`;
  if (entry.caseId) return `case:${entry.caseId}`;
  return entry.actorId ? `actor:${entry.actorId}` : 'system';
}

/** The hash a stream's first row links to: bound to the stream's name, so rows cannot move between streams. */
export function streamGenesis(stream: string): string {
  if (stream === LEGACY_AUDIT_STREAM) return AUDIT_GENESIS_HASH;
  return createHash('sha256').update(`audit-stream:${stream}`).digest('hex');
}

/** Stable JSON: keys sorted recursively, so the hash does not depend on key order after a jsonb round trip. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(',')}}`;
}

/** What a row's hash covers besides its predecessor's hash. */
export function auditRowBody(row: AuditAppend): string {
  return canonical({
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId ?? null,
    actorRole: row.actorRole ?? null,
    caseId: row.caseId ?? null,
    taskId: row.taskId ?? null,
    action: row.action,
    summary: row.summary ?? {},
    requestId: row.requestId ?? null,
  });
}

export function auditRowHash(prevHash: string, row: AuditAppend): string {
  return createHash('sha256').update(prevHash).update('\n').update(auditRowBody(row)).digest('hex');
}
