import { ErrorCode } from '../errors';
import { DEFAULT_INSPECTION_POLICY } from './policy';
import { checkSeizureExtension, parseInspectionRecord, parseReinspection } from './record';

const team = [
  { userId: 'a', credentialNo: 'CA' },
  { userId: 'b', credentialNo: 'CB' },
];
const confirmations = [
  { officerId: 'a', credentialNo: 'CA' },
  { officerId: 'b', credentialNo: 'CB' },
];
const ctx = { team, actorId: 'a', today: '2026-03-02', policy: DEFAULT_INSPECTION_POLICY };
const finding = (hazardLevel = 'GENERAL', extra: Record<string, unknown> = {}) => ({
  description: '消防通道堵塞',
  hazardLevel,
  legalBasis: '《安全生产法》第四十二条',
  ...extra,
});

describe('inspection record (安全生产法 Art.68)', () => {
  it('accepts a signed no-issue record', () => {
    const r = parseInspectionRecord('NO_ISSUE', { confirmations }, ctx);
    expect(r.problem).toBeUndefined();
    expect(r.value?.findings).toEqual([]);
  });

  it('needs two distinct confirming officers from the team with matching credentials, including the actor', () => {
    expect(parseInspectionRecord('NO_ISSUE', { confirmations: confirmations.slice(0, 1) }, ctx).problem?.code).toBe(
      ErrorCode.RULE_VIOLATION,
    );
    expect(
      parseInspectionRecord('NO_ISSUE', { confirmations: [confirmations[0], confirmations[0]] }, ctx).problem?.code,
    ).toBe(ErrorCode.VALIDATION_FAILED);
    expect(
      parseInspectionRecord(
        'NO_ISSUE',
        { confirmations: [confirmations[0], { officerId: 'b', credentialNo: 'WRONG' }] },
        ctx,
      ).problem?.message,
    ).toMatch(/does not match/);
    expect(
      parseInspectionRecord(
        'NO_ISSUE',
        { confirmations: [confirmations[0], { officerId: 'x', credentialNo: 'CX' }] },
        ctx,
      ).problem?.message,
    ).toMatch(/not on this inspection team/);
    expect(parseInspectionRecord('NO_ISSUE', { confirmations }, { ...ctx, actorId: 'c' }).problem?.message).toMatch(
      /completing the record/,
    );
    expect(parseInspectionRecord('NO_ISSUE', {}, ctx).problem?.code).toBe(ErrorCode.VALIDATION_FAILED);
  });

  it('orders rectification with a future deadline', () => {
    const ok = parseInspectionRecord(
      'RECTIFY',
      { confirmations, findings: [finding()], rectificationDeadline: '2026-03-20' },
      ctx,
    );
    expect(ok.value?.rectificationDeadline).toBe('2026-03-20');
    expect(
      parseInspectionRecord(
        'RECTIFY',
        { confirmations, findings: [finding()], rectificationDeadline: '2026-03-02' },
        ctx,
      ).problem?.code,
    ).toBe(ErrorCode.RULE_VIOLATION);
    expect(parseInspectionRecord('RECTIFY', { confirmations, findings: [finding()] }, ctx).problem?.code).toBe(
      ErrorCode.VALIDATION_FAILED,
    );
    expect(
      parseInspectionRecord('RECTIFY', { confirmations, findings: [], rectificationDeadline: '2026-03-20' }, ctx)
        .problem?.code,
    ).toBe(ErrorCode.RULE_VIOLATION);
    expect(parseInspectionRecord('NO_ISSUE', { confirmations, findings: [finding()] }, ctx).problem?.code).toBe(
      ErrorCode.RULE_VIOLATION,
    );
  });

  it('limits 查封/扣押 to 30 days and suspension/listing to 重大事故隐患', () => {
    const base = { confirmations, rectificationDeadline: '2026-04-01' };
    expect(
      parseInspectionRecord(
        'IMMEDIATE_MEASURES',
        { ...base, findings: [finding()], measures: { seizure: { items: '叉车1台', days: 30 } } },
        ctx,
      ).value?.measures.seizure?.days,
    ).toBe(30);
    expect(
      parseInspectionRecord(
        'IMMEDIATE_MEASURES',
        { ...base, findings: [finding()], measures: { seizure: { items: '叉车1台', days: 31 } } },
        ctx,
      ).problem?.message,
    ).toMatch(/Art.25/);
    expect(
      parseInspectionRecord(
        'IMMEDIATE_MEASURES',
        { ...base, findings: [finding()], measures: { suspension: true } },
        ctx,
      ).problem?.message,
    ).toMatch(/重大事故隐患/);
    expect(
      parseInspectionRecord(
        'IMMEDIATE_MEASURES',
        { ...base, findings: [finding('MAJOR')], measures: { suspension: true } },
        ctx,
      ).value?.measures.suspension,
    ).toBe(true);
    expect(
      parseInspectionRecord('IMMEDIATE_MEASURES', { ...base, findings: [finding('MAJOR')] }, ctx).problem?.code,
    ).toBe(ErrorCode.VALIDATION_FAILED);
    expect(
      parseInspectionRecord('RECTIFY', { ...base, findings: [finding()], supervisedListing: true }, ctx).problem
        ?.message,
    ).toMatch(/挂牌督办/);
    expect(
      parseInspectionRecord('RECTIFY', { ...base, findings: [finding('MAJOR')], supervisedListing: true }, ctx).value
        ?.supervisedListing,
    ).toBe(true);
  });

  it('rejects unknown fields and malformed findings instead of dropping them', () => {
    expect(parseInspectionRecord('NO_ISSUE', { confirmations, fine: 5 }, ctx).problem?.message).toMatch(
      /unknown payload fields: fine/,
    );
    expect(
      parseInspectionRecord(
        'RECTIFY',
        { confirmations, findings: [finding('SEVERE')], rectificationDeadline: '2026-03-20' },
        ctx,
      ).problem?.code,
    ).toBe(ErrorCode.VALIDATION_FAILED);
    expect(
      parseInspectionRecord(
        'RECTIFY',
        {
          confirmations,
          findings: [finding('GENERAL', { evidenceAttachmentIds: ['x'] })],
          rectificationDeadline: '2026-03-20',
        },
        ctx,
      ).problem?.code,
    ).toBe(ErrorCode.VALIDATION_FAILED);
    expect(
      parseInspectionRecord('PROPOSE_PENALTY', { confirmations, findings: [finding()] }, ctx).problem?.message,
    ).toMatch(/penaltyReason/);
  });

  it('checks the 复查 record and the stop-order refusal', () => {
    const rctx = { team, actorId: 'b', suspensionOrdered: false };
    expect(parseReinspection('RECTIFIED', { confirmations, opinion: '已整改' }, rctx).value?.opinion).toBe('已整改');
    expect(parseReinspection('RECTIFIED', { confirmations }, rctx).problem?.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(
      parseReinspection('NOT_RECTIFIED', { confirmations, opinion: '未整改', refusedStopOrder: true }, rctx).problem
        ?.code,
    ).toBe(ErrorCode.RULE_VIOLATION);
    expect(
      parseReinspection(
        'NOT_RECTIFIED',
        { confirmations, opinion: '未整改', refusedStopOrder: true },
        { ...rctx, suspensionOrdered: true },
      ).value?.refusedStopOrder,
    ).toBe(true);
  });

  it('allows one seizure extension of at most 30 days (行政强制法 Art.25)', () => {
    const p = DEFAULT_INSPECTION_POLICY;
    expect(
      checkSeizureExtension({ days: 30, reason: '需要检测' }, { alreadyExtended: false, policy: p }),
    ).toBeUndefined();
    expect(checkSeizureExtension({ days: 31, reason: '需要检测' }, { alreadyExtended: false, policy: p })?.code).toBe(
      ErrorCode.RULE_VIOLATION,
    );
    expect(checkSeizureExtension({ days: 10, reason: '需要检测' }, { alreadyExtended: true, policy: p })?.code).toBe(
      ErrorCode.RULE_VIOLATION,
    );
    expect(checkSeizureExtension({ days: 10 }, { alreadyExtended: false, policy: p })?.code).toBe(
      ErrorCode.VALIDATION_FAILED,
    );
  });
});
