import { AuditService } from './audit.service';
import { Denial, DENIAL_WINDOW_MS, DenialAuditService } from './denial-audit.service';

/** What the service asked the record to append (the record itself is tested on PostgreSQL). */
class RecordedAudit {
  readonly rows: Array<{ action: string; denial?: boolean; summary?: Record<string, unknown> }> = [];
  async record(entry: { action: string; denial?: boolean; summary?: Record<string, unknown> }) {
    this.rows.push(entry);
  }
}

const denial = (over: Partial<Denial> = {}): Denial => ({
  actorId: 'u1',
  actorRole: 'ENFORCEMENT_OFFICER',
  method: 'GET',
  route: '/cases/:id',
  path: '/cases/1',
  code: 'FORBIDDEN_JURISDICTION',
  reason: 'this case belongs to another department',
  requestId: 'r1',
  ...over,
});

describe('DenialAuditService', () => {
  let audit: RecordedAudit;
  let service: DenialAuditService;
  beforeEach(() => {
    audit = new RecordedAudit();
    service = new DenialAuditService(audit as unknown as AuditService);
  });
  afterEach(() => service.onModuleDestroy());

  it('records the first denial in full, in the denial stream', async () => {
    await service.record(denial());
    expect(audit.rows).toEqual([
      {
        actorId: 'u1',
        actorRole: 'ENFORCEMENT_OFFICER',
        action: 'ACCESS_DENIED',
        requestId: 'r1',
        denial: true,
        summary: { method: 'GET', path: '/cases/1', code: 'FORBIDDEN_JURISDICTION', reason: expect.any(String) },
      },
    ]);
  });

  it('counts a burst of the same denial and writes one summary when the window closes', async () => {
    const t0 = 1_000_000;
    for (let i = 0; i < 500; i++) await service.record(denial({ path: `/cases/${i}`, requestId: `r${i}` }), t0 + i);
    expect(audit.rows).toHaveLength(1);
    await service.record(denial({ requestId: 'late' }), t0 + DENIAL_WINDOW_MS + 1);
    expect(audit.rows.map((r) => r.action)).toEqual(['ACCESS_DENIED', 'ACCESS_DENIED_REPEATED', 'ACCESS_DENIED']);
    expect(audit.rows[1]).toMatchObject({
      denial: true,
      requestId: 'r499',
      summary: { repeated: 499, route: '/cases/:id' },
    });
  });

  it('keeps different actors, routes and codes apart', async () => {
    await service.record(denial());
    await service.record(denial({ actorId: 'u2' }));
    await service.record(denial({ route: '/tasks/:id/claim' }));
    await service.record(denial({ code: 'FORBIDDEN_ROLE' }));
    expect(audit.rows.filter((r) => r.action === 'ACCESS_DENIED')).toHaveLength(4);
  });

  it('summarises open windows at shutdown, so no denial goes unrecorded', async () => {
    await service.record(denial());
    await service.record(denial());
    await service.record(denial());
    await service.onModuleDestroy();
    expect(audit.rows.map((r) => [r.action, r.summary?.repeated])).toEqual([
      ['ACCESS_DENIED', undefined],
      ['ACCESS_DENIED_REPEATED', 2],
    ]);
  });
});
