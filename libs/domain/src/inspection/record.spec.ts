import { DomainError, ErrorCode } from '../errors';
import { DEFAULT_INSPECTION_POLICY, inspectionPolicy } from './policy';
import {
  assertConfirmations,
  assertInspectionRecord,
  assertReinspection,
  assertSeizureExtension,
  InspectionFinding,
  InspectionRecord,
} from './record';

const team = [
  { userId: 'a', credentialNo: 'CA' },
  { userId: 'b', credentialNo: 'CB' },
];
const confirmations = [
  { officerId: 'a', credentialNo: 'CA' },
  { officerId: 'b', credentialNo: 'CB' },
];
const context = { today: '2026-03-02', policy: DEFAULT_INSPECTION_POLICY };
const finding = (hazardLevel: 'GENERAL' | 'MAJOR' = 'GENERAL'): InspectionFinding => ({
  description: '消防通道堵塞',
  hazardLevel,
  legalBasis: '《安全生产法》第四十二条',
  evidenceAttachmentIds: [],
  violationCodes: [],
});
const record = (overrides: Partial<InspectionRecord> = {}): InspectionRecord => ({
  confirmations,
  findings: [finding()],
  rectificationDeadline: '2026-03-20',
  measures: { suspension: false, seizure: null },
  supervisedListing: false,
  penaltyReason: null,
  ...overrides,
});

/** The rule a call breaks (its code and message), or undefined. */
function brokenRule(rule: () => void): { code: ErrorCode; message: string } | undefined {
  try {
    rule();
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, message: error.message };
  }
}

describe('inspection record rules (安全生产法 Art.65, 68; 行政强制法 Art.25)', () => {
  it('accepts two confirming team officers with their credentials, the actor among them', () => {
    expect(brokenRule(() => assertConfirmations(confirmations, team, 'a'))).toBeUndefined();
    // A credential number is compared without surrounding blanks.
    expect(
      brokenRule(() => assertConfirmations([confirmations[0], { officerId: 'b', credentialNo: ' CB ' }], team, 'b')),
    ).toBeUndefined();
  });

  it('refuses fewer than two officers, a stranger, a wrong credential or an actor who did not sign', () => {
    expect(brokenRule(() => assertConfirmations(confirmations.slice(0, 1), team, 'a'))?.message).toMatch(/two/);
    expect(brokenRule(() => assertConfirmations([confirmations[0], confirmations[0]], team, 'a'))?.message).toMatch(
      /distinct/,
    );
    expect(
      brokenRule(() => assertConfirmations([confirmations[0], { officerId: 'b', credentialNo: 'WRONG' }], team, 'a'))
        ?.message,
    ).toMatch(/does not match/);
    expect(
      brokenRule(() => assertConfirmations([confirmations[0], { officerId: 'x', credentialNo: 'CX' }], team, 'a'))
        ?.message,
    ).toMatch(/not on this inspection team/);
    expect(brokenRule(() => assertConfirmations(confirmations, team, 'c'))).toEqual({
      code: ErrorCode.RULE_VIOLATION,
      message: expect.stringMatching(/completing the record/),
    });
  });

  it('orders rectification by a deadline after today and at most one year ahead', () => {
    expect(brokenRule(() => assertInspectionRecord('RECTIFY', record(), context))).toBeUndefined();
    expect(
      brokenRule(() => assertInspectionRecord('RECTIFY', record({ rectificationDeadline: '2026-03-02' }), context))
        ?.message,
    ).toMatch(/after today/);
    expect(
      brokenRule(() => assertInspectionRecord('RECTIFY', record({ rectificationDeadline: '2027-03-03' }), context)),
    ).toBeUndefined();
    expect(
      brokenRule(() =>
        assertInspectionRecord('IMMEDIATE_MEASURES', record({ rectificationDeadline: '2027-03-04' }), context),
      )?.message,
    ).toMatch(/one year/);
    // No order, no deadline rule.
    expect(
      brokenRule(() =>
        assertInspectionRecord(
          'PROPOSE_PENALTY',
          record({ rectificationDeadline: null, penaltyReason: '违法' }),
          context,
        ),
      ),
    ).toBeUndefined();
  });

  it('reserves suspension and 挂牌督办 for a 重大事故隐患', () => {
    const suspension = { suspension: true, seizure: null };
    expect(
      brokenRule(() => assertInspectionRecord('IMMEDIATE_MEASURES', record({ measures: suspension }), context))
        ?.message,
    ).toMatch(/Art.65/);
    expect(
      brokenRule(() =>
        assertInspectionRecord(
          'IMMEDIATE_MEASURES',
          record({ measures: suspension, findings: [finding(), finding('MAJOR')] }),
          context,
        ),
      ),
    ).toBeUndefined();
    expect(
      brokenRule(() => assertInspectionRecord('RECTIFY', record({ supervisedListing: true }), context))?.message,
    ).toMatch(/挂牌督办/);
    expect(
      brokenRule(() =>
        assertInspectionRecord('RECTIFY', record({ supervisedListing: true, findings: [finding('MAJOR')] }), context),
      ),
    ).toBeUndefined();
  });

  it('limits a 查封/扣押 to the policy term (never beyond Art.25’s 30 days)', () => {
    const seized = (days: number) => record({ measures: { suspension: false, seizure: { items: '叉车1台', days } } });
    expect(brokenRule(() => assertInspectionRecord('IMMEDIATE_MEASURES', seized(30), context))).toBeUndefined();
    const shorter = { ...context, policy: inspectionPolicy({ seizureMaxDays: 20 }) };
    expect(brokenRule(() => assertInspectionRecord('IMMEDIATE_MEASURES', seized(21), shorter))?.message).toMatch(
      /at most 20 days/,
    );
  });

  it('accepts a refused stop order only where one was issued', () => {
    expect(brokenRule(() => assertReinspection(true, { suspensionOrdered: false }))?.code).toBe(
      ErrorCode.RULE_VIOLATION,
    );
    expect(brokenRule(() => assertReinspection(true, { suspensionOrdered: true }))).toBeUndefined();
    expect(brokenRule(() => assertReinspection(false, { suspensionOrdered: false }))).toBeUndefined();
  });

  it('allows one seizure extension of at most the policy days (行政强制法 Art.25)', () => {
    const policy = DEFAULT_INSPECTION_POLICY;
    expect(brokenRule(() => assertSeizureExtension(30, { alreadyExtended: false, policy }))).toBeUndefined();
    expect(brokenRule(() => assertSeizureExtension(31, { alreadyExtended: false, policy }))?.message).toMatch(
      /at most 30 days/,
    );
    expect(brokenRule(() => assertSeizureExtension(10, { alreadyExtended: true, policy }))?.message).toMatch(/once/);
  });
});
