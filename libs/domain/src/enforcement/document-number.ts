import { DomainError, ErrorCode } from '../errors';

/** Kinds of 执法文书 the system numbers, with the agency's abbreviation used in the reference number. */
export const DOCUMENT_KINDS = {
  FILING_APPROVAL_FORM: { code: '立审', title: '立案审批表' },
  PENALTY_NOTICE: { code: '罚告', title: '行政处罚告知书' },
  HEARING_NOTICE: { code: '听通', title: '听证通知书' },
  PENALTY_DECISION: { code: '罚决', title: '行政处罚决定书' },
  NO_PENALTY_DECISION: { code: '不罚', title: '不予行政处罚决定书' },
  PAYMENT_DEMAND: { code: '催告', title: '催告书' },
  RECTIFICATION_ORDER: { code: '责改', title: '责令限期整改指令书' },
} as const;

/**
 * The abbreviation of the 当场行政处罚决定书 (行政处罚法 Art.52): a numbered form the officer fills in on the
 * spot, not a document the system renders, numbered in the same format as the kinds above.
 */
export const SIMPLE_PENALTY_DECISION_CODE = '简罚';

export type DocumentKind = keyof typeof DOCUMENT_KINDS;

export const isDocumentKind = (v: unknown): v is DocumentKind =>
  typeof v === 'string' && Object.prototype.hasOwnProperty.call(DOCUMENT_KINDS, v);

/**
 * The short name of each kind of department in the default prefix. Document numbers are unique across the
 * installation, and the bodies of one county share its first character (测试县应急管理局, 测试县住房和城乡建设局,
 * 测试镇安全生产监督管理所), so the kind tells them apart.
 */
const KIND_SHORT_NAMES: Readonly<Record<string, string>> = {
  EMERGENCY_MANAGEMENT: '应急',
  TOWN_SAFETY_OFFICE: '安监',
  SAFETY_COMMITTEE_OFFICE: '安委',
  HOUSING_CONSTRUCTION: '住建',
  TRANSPORT: '交通',
  MARKET_REGULATION: '市监',
  FIRE_RESCUE: '消防',
};

/**
 * The department's prefix in its document numbers: its configured one (`documentPrefix` policy), else its name's
 * first character and its kind's short name (应急 for a kind not listed). Two departments of one kind whose names
 * start alike (江苏省应急管理厅, 江阴市应急管理局) still need a configured prefix each.
 */
export function documentPrefix(
  configured: string | null | undefined,
  departmentName: string,
  departmentKind?: string,
): string {
  const shortName = (departmentKind && KIND_SHORT_NAMES[departmentKind]) || '应急';
  return configured ?? `${[...departmentName][0] ?? ''}${shortName}`;
}

/**
 * The agency reference number, e.g. `〔2026〕X应急罚告〔0007〕号`: year, the department's prefix, the kind's
 * abbreviation and a per-department, per-year, per-kind sequence padded to 4 digits.
 */
export function formatDocumentNumber(input: { year: number; prefix: string; kind: DocumentKind; seq: number }): string {
  if (!isDocumentKind(input.kind))
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `Unknown document kind ${String(input.kind)}`, {
      kind: input.kind,
    });
  return formatReferenceNumber({ ...input, code: DOCUMENT_KINDS[input.kind].code });
}

/** `〔year〕<prefix><code>〔seq〕号` for a document abbreviation `code`; see formatDocumentNumber. */
export function formatReferenceNumber(input: { year: number; prefix: string; code: string; seq: number }): string {
  if (!Number.isInteger(input.seq) || input.seq < 1)
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Sequence must be a positive integer', { seq: input.seq });
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100)
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Year out of range', { year: input.year });
  return `〔${input.year}〕${input.prefix}${input.code}〔${String(input.seq).padStart(4, '0')}〕号`;
}
