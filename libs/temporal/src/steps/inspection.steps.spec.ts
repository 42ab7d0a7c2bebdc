import { CriminalTransferSteps } from './criminal-transfer.steps';
import { InspectionSteps } from './inspection.steps';
import { JsonSchema, outcomePayloadSchema } from './json-schema';
import { SimplePenaltySteps } from './simple-penalty.steps';
import type { StepDefinition } from './step-definition';
import { checkSubmission, issuePath } from './validation';

const OFFICER_A = '8f4b2a52-6c1e-4b7a-9d2e-1f3a5b7c9d0e';
const OFFICER_B = '0d6f3c1a-2b4e-4f8a-9c7d-5e1b3a9f7c2d';
const confirmations = [
  { officerId: OFFICER_A, credentialNo: 'A-1' },
  { officerId: OFFICER_B, credentialNo: 'B-2' },
];
const finding = { description: '报警器失效', hazardLevel: 'GENERAL', legalBasis: '《安全生产法》第三十六条' };

/** The paths of every problem of a submission ([] when it is valid). */
function problems(step: StepDefinition, outcome: string, payload: unknown): string[] {
  const result = checkSubmission(step, outcome, payload);
  if (result.ok) return [];
  if (result.unknownOutcome) return ['outcome'];
  return result.issues
    .flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => issuePath([...issue.path, key]))
        : [issuePath(issue.path)],
    )
    .sort();
}

describe('inspection step contracts', () => {
  const record = InspectionSteps.INSPECTION_RECORD;

  it('names every missing field of an empty record at once', () => {
    expect(problems(record, 'NO_ISSUE', {})).toEqual(['confirmations']);
    expect(problems(record, 'RECTIFY', {})).toEqual(['confirmations', 'findings', 'rectificationDeadline']);
    expect(problems(record, 'IMMEDIATE_MEASURES', {})).toEqual([
      'confirmations',
      'findings',
      'measures',
      'rectificationDeadline',
    ]);
    expect(problems(record, 'PROPOSE_PENALTY', {})).toEqual(['confirmations', 'findings', 'penaltyReason']);
  });

  it('accepts a complete record of each outcome', () => {
    expect(problems(record, 'NO_ISSUE', { confirmations })).toEqual([]);
    expect(
      problems(record, 'RECTIFY', {
        confirmations,
        findings: [{ ...finding, evidenceAttachmentIds: [OFFICER_A], violationCodes: ['MONITORING_DATA_FALSIFIED'] }],
        rectificationDeadline: '2026-03-20',
        supervisedListing: false,
      }),
    ).toEqual([]);
    expect(
      problems(record, 'IMMEDIATE_MEASURES', {
        confirmations,
        findings: [finding],
        rectificationDeadline: '2026-03-20',
        measures: { suspension: true, seizure: { items: '压力容器1台', days: 30 } },
      }),
    ).toEqual([]);
    expect(
      problems(record, 'PROPOSE_PENALTY', { confirmations, findings: [finding], penaltyReason: '篡改数据' }),
    ).toEqual([]);
  });

  it('refuses a record signed by fewer than two distinct officers', () => {
    expect(problems(record, 'NO_ISSUE', { confirmations: confirmations.slice(0, 1) })).toEqual(['confirmations']);
    expect(problems(record, 'NO_ISSUE', { confirmations: [confirmations[0], confirmations[0]] })).toEqual([
      'confirmations.1.officerId',
    ]);
  });

  it('refuses fields an outcome does not take instead of dropping them', () => {
    // NO_ISSUE records no finding; PROPOSE_PENALTY orders neither measures nor 挂牌督办.
    expect(problems(record, 'NO_ISSUE', { confirmations, findings: [finding] })).toEqual(['findings']);
    expect(
      problems(record, 'PROPOSE_PENALTY', {
        confirmations,
        findings: [finding],
        penaltyReason: 'x',
        supervisedListing: true,
        rectificationDeadline: '2026-03-20',
      }),
    ).toEqual(['rectificationDeadline', 'supervisedListing']);
    expect(
      problems(record, 'RECTIFY', {
        confirmations,
        findings: [{ ...finding, hazardLevel: 'SEVERE', evidenceAttachmentIds: ['x'] }],
        rectificationDeadline: '20.3.2026',
        measures: { suspension: true },
      }),
    ).toEqual(['findings.0.evidenceAttachmentIds.0', 'findings.0.hazardLevel', 'measures', 'rectificationDeadline']);
  });

  it('bounds a 查封/扣押 term and an extension by 行政强制法 Art.25 and needs at least one measure', () => {
    const base = { confirmations, findings: [finding], rectificationDeadline: '2026-03-20' };
    expect(
      problems(record, 'IMMEDIATE_MEASURES', { ...base, measures: { seizure: { items: '叉车', days: 31 } } }),
    ).toEqual(['measures.seizure.days']);
    expect(problems(record, 'IMMEDIATE_MEASURES', { ...base, measures: {} })).toEqual(['measures']);
    expect(problems(InspectionSteps.SEIZURE_DECISION, 'EXTEND', { days: 31, reason: '检测' })).toEqual(['days']);
    expect(problems(InspectionSteps.SEIZURE_DECISION, 'EXTEND', { days: 20 })).toEqual(['reason']);
    const schema = outcomePayloadSchema(InspectionSteps.SEIZURE_DECISION, 'EXTEND');
    expect((schema.properties as Record<string, JsonSchema>).days).toMatchObject({ minimum: 1, maximum: 30 });
  });

  it('takes the stop-order refusal only with NOT_RECTIFIED', () => {
    const base = { confirmations, opinion: '未整改' };
    expect(problems(InspectionSteps.REINSPECTION, 'NOT_RECTIFIED', { ...base, refusedStopOrder: true })).toEqual([]);
    expect(problems(InspectionSteps.REINSPECTION, 'RECTIFIED', { ...base, refusedStopOrder: true })).toEqual([
      'refusedStopOrder',
    ]);
    expect(problems(InspectionSteps.REINSPECTION, 'RECTIFIED', { confirmations })).toEqual(['opinion']);
  });

  it('needs the reasons the statutes ask for', () => {
    expect(problems(InspectionSteps.SEIZURE_EXTENSION_APPROVAL, 'REJECT', {})).toEqual(['reason']);
    expect(problems(InspectionSteps.LISTING_LIFT_APPROVAL, 'REJECT', {})).toEqual(['reason']);
    expect(problems(InspectionSteps.LISTING_REVIEW, 'NOT_REMOVED', {})).toEqual(['opinion']);
    expect(problems(InspectionSteps.CRIMINAL_TRANSFER_REVIEW, 'PROPOSE_TRANSFER', {})).toEqual(['reason']);
    expect(problems(CriminalTransferSteps.CRIMINAL_TRANSFER_APPROVAL, 'REJECT', {})).toEqual(['reason']);
    expect(problems(CriminalTransferSteps.CRIMINAL_TRANSFER_APPROVAL, 'APPROVE', {})).toEqual([]);
    expect(problems(CriminalTransferSteps.CRIMINAL_TRANSFER_HANDOVER, 'HANDED_OVER', {})).toEqual(['policeAgency']);
    expect(problems(CriminalTransferSteps.POLICE_FILING_ANSWER, 'DECLINED', { documentNo: '不立字1号' })).toEqual([
      'reason',
    ]);
    expect(problems(CriminalTransferSteps.POLICE_RECONSIDERATION_ANSWER, 'FILED', { note: 'x' })).toEqual(['note']);
    expect(problems(CriminalTransferSteps.CRIMINAL_TRANSFER_RECONSIDERATION, 'ACCEPT_DECISION', {})).toEqual([
      'reason',
    ]);
    expect(problems(CriminalTransferSteps.PROCURATORATE_SUPERVISION, 'CLOSE', {})).toEqual(['reason']);
    expect(problems(SimplePenaltySteps.CASH_HAND_IN, 'HANDED_IN', {})).toEqual(['receiptNo']);
    expect(problems(SimplePenaltySteps.SIMPLE_PENALTY_FILING, 'FILED', {})).toEqual([]);
  });
});
