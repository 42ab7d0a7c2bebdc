import { FourNotLetGoInput, evaluateFourNotLetGo } from './four-not-let-go';

const complete = (): FourNotLetGoInput => ({
  report: { status: 'APPROVED' },
  responsibleParties: [
    { id: 'p1', outcome: 'ADMINISTRATIVE_PENALTY_DECIDED' },
    { id: 'p2', outcome: 'TRANSFERRED_TO_JUDICIARY' },
  ],
  rectificationMeasures: [{ id: 'm1', verifiedAt: '2026-05-01T10:00:00+08:00', verifiedBy: 'officer-7' }],
  educationSessions: [{ id: 'e1', heldOn: '2026-04-20', attendeeCount: 35 }],
});

describe('evaluateFourNotLetGo (四不放过 closure gates)', () => {
  it('is closable when all four gates hold', () => {
    expect(evaluateFourNotLetGo(complete())).toEqual({
      causesEstablished: true,
      responsiblePartiesHandled: true,
      rectificationVerified: true,
      educationRecorded: true,
      closable: true,
      missing: [],
    });
  });

  it('blocks until the report is approved (原因未查清)', () => {
    const r = evaluateFourNotLetGo({ ...complete(), report: { status: 'SUBMITTED' } });
    expect(r).toMatchObject({ causesEstablished: false, responsiblePartiesHandled: false, closable: false });
    expect(r.missing).toEqual(['REPORT_NOT_APPROVED']);
  });

  it('blocks on pending responsible parties (责任人员未处理)', () => {
    const input = complete();
    const r = evaluateFourNotLetGo({
      ...input,
      responsibleParties: [...input.responsibleParties, { id: 'p3', outcome: 'PENDING' }],
    });
    expect(r.responsiblePartiesHandled).toBe(false);
    expect(r.closable).toBe(false);
    expect(r.missing).toEqual(['RESPONSIBLE_PARTY_PENDING:p3']);
  });

  it('blocks on consequences of a reporting violation not yet answered (条例 Art.36)', () => {
    const r = evaluateFourNotLetGo({
      ...complete(),
      reportingConsequences: [
        { id: 'c1', handled: true },
        { id: 'c2', handled: false },
      ],
    });
    expect(r).toMatchObject({ responsiblePartiesHandled: false, closable: false });
    expect(r.missing).toEqual(['REPORTING_CONSEQUENCE_PENDING:c2']);
    expect(evaluateFourNotLetGo({ ...complete(), reportingConsequences: [{ id: 'c1', handled: true }] }).closable).toBe(
      true,
    );
  });

  it('needs an explicit finding when no responsible party is named', () => {
    expect(evaluateFourNotLetGo({ ...complete(), responsibleParties: [] }).missing).toEqual([
      'NO_RESPONSIBLE_PARTIES_RECORDED',
    ]);
    const ok = evaluateFourNotLetGo({
      ...complete(),
      report: { status: 'APPROVED', findsNoResponsibleParty: true },
      responsibleParties: [],
    });
    expect(ok.closable).toBe(true);
  });

  it('blocks on missing or unverified rectification (整改措施未落实)', () => {
    expect(evaluateFourNotLetGo({ ...complete(), rectificationMeasures: [] }).missing).toEqual([
      'NO_RECTIFICATION_MEASURES',
    ]);
    const r = evaluateFourNotLetGo({
      ...complete(),
      rectificationMeasures: [
        { id: 'm1', verifiedAt: '2026-05-01', verifiedBy: 'officer-7' },
        { id: 'm2', verifiedAt: null },
        { id: 'm3', verifiedAt: '2026-05-01' },
      ],
    });
    expect(r.rectificationVerified).toBe(false);
    expect(r.missing).toEqual(['RECTIFICATION_UNVERIFIED:m2', 'RECTIFICATION_UNVERIFIED:m3']);
  });

  it('blocks without an education session with attendees (有关人员未受到教育)', () => {
    expect(evaluateFourNotLetGo({ ...complete(), educationSessions: [] }).missing).toEqual(['NO_EDUCATION_SESSION']);
    expect(
      evaluateFourNotLetGo({ ...complete(), educationSessions: [{ id: 'e1', heldOn: '2026-04-20', attendeeCount: 0 }] })
        .educationRecorded,
    ).toBe(false);
  });

  it('lists every missing gate at once', () => {
    const r = evaluateFourNotLetGo({
      report: { status: 'NOT_SUBMITTED' },
      responsibleParties: [{ id: 'p1', outcome: 'PENDING' }],
      rectificationMeasures: [],
      educationSessions: [],
    });
    expect(r.closable).toBe(false);
    expect(r.missing).toEqual([
      'REPORT_NOT_APPROVED',
      'RESPONSIBLE_PARTY_PENDING:p1',
      'NO_RECTIFICATION_MEASURES',
      'NO_EDUCATION_SESSION',
    ]);
  });
});
