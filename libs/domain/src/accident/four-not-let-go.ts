/**
 * 四不放过 closure gates: 事故原因未查清不放过、责任人员未处理不放过、
 * 整改措施未落实不放过、有关人员未受到教育不放过.
 * A policy principle (not a statute with clocks); the accident case may close only when all four are demonstrably met.
 * Related statute: 条例 Art.32 (penalties/sanctions per the 批复), Art.33 (rectification supervised).
 */

export type InvestigationReportStatus = 'NOT_SUBMITTED' | 'SUBMITTED' | 'RETURNED' | 'APPROVED';

export type ResponsiblePartyOutcome =
  | 'PENDING'
  | 'ADMINISTRATIVE_PENALTY_DECIDED' // 行政处罚 (条例 Art.32 para.2)
  | 'DISCIPLINARY_SANCTION_DECIDED' // 处分 by the 纪委监委 / appointing body
  | 'INTERNAL_ACTION_TAKEN' // handled by the accident unit per the 批复 (Art.32 para.3)
  | 'TRANSFERRED_TO_JUDICIARY' // 涉嫌犯罪移送 (Art.32 para.4)
  | 'NO_LIABILITY_FOUND';

export interface FourNotLetGoInput {
  report: {
    status: InvestigationReportStatus;
    /** Set when the approved report states that no person or unit bears responsibility. */
    findsNoResponsibleParty?: boolean;
  };
  responsibleParties: ReadonlyArray<{ id: string; outcome: ResponsiblePartyOutcome }>;
  rectificationMeasures: ReadonlyArray<{ id: string; verifiedAt?: Date | string | null; verifiedBy?: string | null }>;
  educationSessions: ReadonlyArray<{ id: string; heldOn: string; attendeeCount: number }>;
  /**
   * The penalty cases and referrals a reporting violation opened (条例 Art.36): responsible people too,
   * each open until its case has an answer.
   */
  reportingConsequences?: ReadonlyArray<{ id: string; handled: boolean }>;
}

export interface FourNotLetGoResult {
  causesEstablished: boolean;
  responsiblePartiesHandled: boolean;
  rectificationVerified: boolean;
  educationRecorded: boolean;
  closable: boolean;
  /** Stable codes (with ids where relevant) of what still blocks closure. */
  missing: string[];
}

export function evaluateFourNotLetGo(input: FourNotLetGoInput): FourNotLetGoResult {
  const missing: string[] = [];

  // 事故原因未查清不放过: causes count as established once the government has approved (批复) the report.
  const causesEstablished = input.report.status === 'APPROVED';
  if (!causesEstablished) missing.push('REPORT_NOT_APPROVED');

  // 责任人员未处理不放过: handling follows the 批复 (条例 Art.32), so it needs the approved report; every named
  // party has a final outcome; an empty list needs an explicit finding in the report.
  const pending = input.responsibleParties.filter((p) => p.outcome === 'PENDING');
  for (const p of pending) missing.push(`RESPONSIBLE_PARTY_PENDING:${p.id}`);
  const noPartiesExplained = input.responsibleParties.length > 0 || input.report.findsNoResponsibleParty === true;
  if (!noPartiesExplained) missing.push('NO_RESPONSIBLE_PARTIES_RECORDED');
  const consequencesOpen = (input.reportingConsequences ?? []).filter((c) => !c.handled);
  for (const c of consequencesOpen) missing.push(`REPORTING_CONSEQUENCE_PENDING:${c.id}`);
  const responsiblePartiesHandled =
    causesEstablished && pending.length === 0 && noPartiesExplained && consequencesOpen.length === 0;

  // 整改措施未落实不放过: at least one measure, each verified by a named person.
  const unverified = input.rectificationMeasures.filter((m) => !m.verifiedAt || !m.verifiedBy);
  for (const m of unverified) missing.push(`RECTIFICATION_UNVERIFIED:${m.id}`);
  if (input.rectificationMeasures.length === 0) missing.push('NO_RECTIFICATION_MEASURES');
  const rectificationVerified = input.rectificationMeasures.length > 0 && unverified.length === 0;

  // 有关人员未受到教育不放过: at least one recorded session with attendees.
  const educationRecorded = input.educationSessions.some(
    (s) => Number.isInteger(s.attendeeCount) && s.attendeeCount > 0,
  );
  if (!educationRecorded) missing.push('NO_EDUCATION_SESSION');

  return {
    causesEstablished,
    responsiblePartiesHandled,
    rectificationVerified,
    educationRecorded,
    closable: causesEstablished && responsiblePartiesHandled && rectificationVerified && educationRecorded,
    missing,
  };
}
