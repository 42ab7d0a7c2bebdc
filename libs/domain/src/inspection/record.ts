import { ErrorCode } from '../errors';
import { compareLocalDates, isLocalDate, LocalDate, plusDays } from '../calendar/local-date';
import { InspectionPolicy } from './policy';

export type HazardLevel = 'GENERAL' | 'MAJOR'; // 一般事故隐患 / 重大事故隐患
export const HAZARD_LEVELS: readonly HazardLevel[] = ['GENERAL', 'MAJOR'];

export type InspectionOutcome = 'NO_ISSUE' | 'RECTIFY' | 'IMMEDIATE_MEASURES' | 'PROPOSE_PENALTY';
export const INSPECTION_OUTCOMES: readonly InspectionOutcome[] = [
  'NO_ISSUE',
  'RECTIFY',
  'IMMEDIATE_MEASURES',
  'PROPOSE_PENALTY',
];

export interface InspectionFinding {
  description: string;
  hazardLevel: HazardLevel;
  /** The provision breached (e.g. 《安全生产法》第四十一条). */
  legalBasis: string;
  /** Ids of evidence uploaded with POST /cases/:id/attachments. */
  evidenceAttachmentIds: string[];
  /** Structured conduct codes, e.g. the 刑法 Art.134之一 conducts (dangerous-operation.ts). */
  violationCodes: string[];
}

export interface OfficerConfirmation {
  officerId: string;
  credentialNo: string;
}

export interface InspectionRecord {
  confirmations: OfficerConfirmation[];
  findings: InspectionFinding[];
  /** 责令限期整改: last local day for rectification. */
  rectificationDeadline: LocalDate | null;
  measures: {
    /** 责令暂时停产停业 / 停止使用 (安全生产法 Art.65(3)) — only for a 重大事故隐患. */
    suspension: boolean;
    /** 查封/扣押 (行政强制法 Art.25): what is sealed or seized and for how many days (≤ 30). */
    seizure: { items: string; days: number } | null;
  };
  /** Put the 重大事故隐患 under 挂牌督办. */
  supervisedListing: boolean;
  penaltyReason: string | null;
}

export interface RuleProblem {
  code: ErrorCode;
  message: string;
}

type Result<T> = { value: T; problem?: undefined } | { value?: undefined; problem: RuleProblem };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const invalid = (message: string): { problem: RuleProblem } => ({
  problem: { code: ErrorCode.VALIDATION_FAILED, message },
});
const rule = (message: string): { problem: RuleProblem } => ({ problem: { code: ErrorCode.RULE_VIOLATION, message } });
const text = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const ALLOWED_KEYS = new Set([
  'confirmations',
  'findings',
  'rectificationDeadline',
  'measures',
  'supervisedListing',
  'penaltyReason',
  'comment',
]);

/**
 * 安全生产法 Art.68: inspection findings are recorded in writing and signed by the inspectors;
 * 行政处罚法 Art.42: at least two credentialed officers. The completing payload therefore carries
 * both officers' confirmation (their 执法证号), checked against the inspection team.
 */
export function checkConfirmations(
  raw: unknown,
  team: ReadonlyArray<{ userId: string; credentialNo: string }>,
  actorId: string,
): Result<OfficerConfirmation[]> {
  if (
    !Array.isArray(raw) ||
    raw.length > 10 ||
    !raw.every((c) => isObj(c) && typeof c.officerId === 'string' && typeof c.credentialNo === 'string')
  ) {
    return invalid('confirmations must be a list of { officerId, credentialNo }');
  }
  const list = raw as OfficerConfirmation[];
  const ids = new Set(list.map((c) => c.officerId));
  if (ids.size !== list.length) return invalid('an officer may confirm only once');
  if (ids.size < 2)
    return rule(
      'the record must be confirmed (signed) by at least two inspecting officers (安全生产法 Art.68, 行政处罚法 Art.42)',
    );
  for (const c of list) {
    const member = team.find((t) => t.userId === c.officerId);
    if (!member) return rule(`officer ${c.officerId} is not on this inspection team`);
    if (member.credentialNo !== c.credentialNo.trim())
      return rule(`the credential number given for officer ${c.officerId} does not match their 执法证`);
  }
  if (!ids.has(actorId)) return rule('the officer completing the record must be one of the confirming officers');
  return { value: list.map((c) => ({ officerId: c.officerId, credentialNo: c.credentialNo.trim() })) };
}

function parseFindings(raw: unknown): Result<InspectionFinding[]> {
  if (raw === undefined) return { value: [] };
  if (!Array.isArray(raw) || raw.length > 50) return invalid('findings must be a list of at most 50 items');
  const out: InspectionFinding[] = [];
  for (const [i, f] of raw.entries()) {
    if (!isObj(f)) return invalid(`findings[${i}] must be an object`);
    const extra = Object.keys(f).filter(
      (k) => !['description', 'hazardLevel', 'legalBasis', 'evidenceAttachmentIds', 'violationCodes'].includes(k),
    );
    if (extra.length) return invalid(`findings[${i}] has unknown fields: ${extra.join(', ')}`);
    if (!text(f.description, 2000)) return invalid(`findings[${i}].description is required (≤ 2000 characters)`);
    if (!HAZARD_LEVELS.includes(f.hazardLevel as HazardLevel))
      return invalid(`findings[${i}].hazardLevel must be GENERAL or MAJOR`);
    if (!text(f.legalBasis, 500)) return invalid(`findings[${i}].legalBasis is required (≤ 500 characters)`);
    const ev = f.evidenceAttachmentIds ?? [];
    if (!Array.isArray(ev) || ev.length > 50 || !ev.every((x) => typeof x === 'string' && UUID.test(x))) {
      return invalid(`findings[${i}].evidenceAttachmentIds must be a list of attachment ids`);
    }
    const codes = f.violationCodes ?? [];
    if (!Array.isArray(codes) || codes.length > 10 || !codes.every((x) => text(x, 64)))
      return invalid(`findings[${i}].violationCodes must be a list of codes`);
    out.push({
      description: f.description as string,
      hazardLevel: f.hazardLevel as HazardLevel,
      legalBasis: f.legalBasis as string,
      evidenceAttachmentIds: ev as string[],
      violationCodes: codes as string[],
    });
  }
  return { value: out };
}

/** Validates the on-site record (the completion payload of the RECORD step) against the chosen outcome. */
export function parseInspectionRecord(
  outcome: string,
  payload: Record<string, unknown>,
  ctx: {
    team: ReadonlyArray<{ userId: string; credentialNo: string }>;
    actorId: string;
    today: LocalDate;
    policy: InspectionPolicy;
  },
): Result<InspectionRecord> {
  if (!INSPECTION_OUTCOMES.includes(outcome as InspectionOutcome))
    return invalid(`outcome must be one of ${INSPECTION_OUTCOMES.join(', ')}`);
  const unknown = Object.keys(payload).filter((k) => !ALLOWED_KEYS.has(k));
  if (unknown.length) return invalid(`unknown payload fields: ${unknown.join(', ')}`);
  const conf = checkConfirmations(payload.confirmations, ctx.team, ctx.actorId);
  if (conf.problem) return conf;
  const fr = parseFindings(payload.findings);
  if (fr.problem) return fr;
  const findings = fr.value;
  const hasMajor = findings.some((f) => f.hazardLevel === 'MAJOR');

  let rectificationDeadline: LocalDate | null = null;
  if (payload.rectificationDeadline !== undefined) {
    if (!isLocalDate(payload.rectificationDeadline))
      return invalid('rectificationDeadline must be a date (YYYY-MM-DD)');
    rectificationDeadline = payload.rectificationDeadline;
  }
  const m = payload.measures;
  if (m !== undefined && !isObj(m)) return invalid('measures must be an object');
  const measuresRaw = (m ?? {}) as Record<string, unknown>;
  const extraM = Object.keys(measuresRaw).filter((k) => k !== 'suspension' && k !== 'seizure');
  if (extraM.length) return invalid(`measures has unknown fields: ${extraM.join(', ')}`);
  if (measuresRaw.suspension !== undefined && typeof measuresRaw.suspension !== 'boolean')
    return invalid('measures.suspension must be true or false');
  const suspension = measuresRaw.suspension === true;
  let seizure: InspectionRecord['measures']['seizure'] = null;
  if (measuresRaw.seizure !== undefined) {
    const s = measuresRaw.seizure;
    if (!isObj(s) || !text(s.items, 500) || typeof s.days !== 'number' || !Number.isInteger(s.days) || s.days < 1) {
      return invalid('measures.seizure must be { items, days } with a positive whole number of days');
    }
    // 行政强制法 Art.25: 查封、扣押的期限不得超过三十日.
    if (s.days > ctx.policy.seizureMaxDays)
      return rule(`查封/扣押 may last at most ${ctx.policy.seizureMaxDays} days (行政强制法 Art.25)`);
    seizure = { items: s.items as string, days: s.days };
  }
  if (payload.supervisedListing !== undefined && typeof payload.supervisedListing !== 'boolean')
    return invalid('supervisedListing must be true or false');
  const supervisedListing = payload.supervisedListing === true;
  if (payload.penaltyReason !== undefined && !text(payload.penaltyReason, 2000))
    return invalid('penaltyReason must be a non-empty text');
  const penaltyReason = (payload.penaltyReason as string | undefined) ?? null;

  const hasMeasures = suspension || seizure !== null;
  switch (outcome as InspectionOutcome) {
    case 'NO_ISSUE':
      if (findings.length) return rule('findings were recorded: choose RECTIFY, IMMEDIATE_MEASURES or PROPOSE_PENALTY');
      if (rectificationDeadline || hasMeasures || supervisedListing || penaltyReason)
        return invalid('NO_ISSUE takes no deadline, measures, listing or penalty reason');
      break;
    case 'RECTIFY':
    case 'IMMEDIATE_MEASURES':
      if (!findings.length) return rule('an order needs at least one finding');
      if (!rectificationDeadline) return invalid('rectificationDeadline is required for 责令限期整改');
      if (compareLocalDates(rectificationDeadline, ctx.today) <= 0)
        return rule('the rectification deadline must be after today');
      if (compareLocalDates(rectificationDeadline, plusDays(ctx.today, 366)) > 0)
        return rule('the rectification deadline may be at most one year ahead');
      if (outcome === 'RECTIFY' && hasMeasures) return invalid('measures need the IMMEDIATE_MEASURES outcome');
      if (outcome === 'IMMEDIATE_MEASURES' && !hasMeasures)
        return invalid('IMMEDIATE_MEASURES needs measures.suspension or measures.seizure');
      // 安全生产法 Art.65(3): temporary suspension is the measure for a 重大事故隐患.
      if (suspension && !hasMajor) return rule('停产停业整顿 requires a 重大事故隐患 finding (安全生产法 Art.65)');
      if (penaltyReason) return invalid('penaltyReason belongs to PROPOSE_PENALTY');
      break;
    case 'PROPOSE_PENALTY':
      if (!findings.length) return rule('a penalty proposal needs at least one finding');
      if (!penaltyReason) return invalid('penaltyReason is required for PROPOSE_PENALTY');
      if (rectificationDeadline || hasMeasures)
        return invalid('PROPOSE_PENALTY takes no deadline or measures; use RECTIFY or IMMEDIATE_MEASURES');
      break;
  }
  if (supervisedListing && !hasMajor) return rule('挂牌督办 applies to a 重大事故隐患 finding');
  return {
    value: {
      confirmations: conf.value,
      findings,
      rectificationDeadline,
      measures: { suspension, seizure },
      supervisedListing,
      penaltyReason,
    },
  };
}

/** 复查 payload: both officers confirm; `refusedStopOrder` records work going on under a stop order. */
export function parseReinspection(
  outcome: string,
  payload: Record<string, unknown>,
  ctx: { team: ReadonlyArray<{ userId: string; credentialNo: string }>; actorId: string; suspensionOrdered: boolean },
): Result<{
  confirmations: OfficerConfirmation[];
  opinion: string;
  refusedStopOrder: boolean;
  findings: InspectionFinding[];
}> {
  const unknown = Object.keys(payload).filter(
    (k) => !['confirmations', 'opinion', 'refusedStopOrder', 'findings'].includes(k),
  );
  if (unknown.length) return invalid(`unknown payload fields: ${unknown.join(', ')}`);
  const conf = checkConfirmations(payload.confirmations, ctx.team, ctx.actorId);
  if (conf.problem) return conf;
  if (!text(payload.opinion, 2000)) return invalid('opinion (复查意见) is required');
  if (payload.refusedStopOrder !== undefined && typeof payload.refusedStopOrder !== 'boolean')
    return invalid('refusedStopOrder must be true or false');
  const refusedStopOrder = payload.refusedStopOrder === true;
  if (refusedStopOrder && outcome !== 'NOT_RECTIFIED') return invalid('refusedStopOrder goes with NOT_RECTIFIED');
  if (refusedStopOrder && !ctx.suspensionOrdered) return rule('no stop (停产停业) order was issued in this inspection');
  const fr = parseFindings(payload.findings);
  if (fr.problem) return fr;
  return {
    value: { confirmations: conf.value, opinion: payload.opinion as string, refusedStopOrder, findings: fr.value },
  };
}

/** 行政强制法 Art.25: one extension, at most 30 days, approved by the head. */
export function checkSeizureExtension(
  payload: Record<string, unknown>,
  ctx: { alreadyExtended: boolean; policy: InspectionPolicy },
): RuleProblem | undefined {
  if (ctx.alreadyExtended)
    return { code: ErrorCode.RULE_VIOLATION, message: '查封/扣押 may be extended only once (行政强制法 Art.25)' };
  const days = payload.days;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1)
    return { code: ErrorCode.VALIDATION_FAILED, message: 'days must be a positive whole number' };
  if (days > ctx.policy.seizureExtensionMaxDays) {
    return {
      code: ErrorCode.RULE_VIOLATION,
      message: `an extension may be at most ${ctx.policy.seizureExtensionMaxDays} days (行政强制法 Art.25)`,
    };
  }
  if (!text(payload.reason, 1000)) return { code: ErrorCode.VALIDATION_FAILED, message: 'reason is required' };
  return undefined;
}
