/**
 * What a reporting violation opens (条例 Art.36: 迟报、漏报、谎报、瞒报 are violations of the reporting
 * duty of Art.9). STATUTES.md verifies only that these are violations (Art.9, 36); the articles
 * naming who is penalised below are cited from the regulation's text and marked UNVERIFIED there:
 * - the enterprise's principal (主要负责人) for every one of them — 条例 Art.35(2) for 迟报/漏报 and
 *   Art.36(1) for 谎报/瞒报; 安全生产法 Art.110 (UNVERIFIED) for the principal's 隐瞒不报、谎报或者迟报;
 * - the enterprise itself only for 谎报/瞒报 (条例 Art.36(1), UNVERIFIED);
 * - each public official named in the finding: a referral to the discipline body, who decides the
 *   处分 (条例 Art.39(2), UNVERIFIED).
 */
export type ReportingViolation = 'LATE' | 'OMITTED' | 'FALSE_REPORT' | 'CONCEALED';
export type ConsequenceTarget = 'PRINCIPAL' | 'ENTERPRISE' | 'OFFICIAL';

export interface ReportingConsequence {
  target: ConsequenceTarget;
  /** The article(s) the case is opened under, shown on the case. */
  legalBasis: string;
  /** The official's position in the finding's list (OFFICIAL only). */
  officialIndex?: number;
}

export const REPORTING_VIOLATION_LABELS: Readonly<Record<ReportingViolation, string>> = {
  LATE: '迟报',
  OMITTED: '漏报',
  FALSE_REPORT: '谎报',
  CONCEALED: '瞒报',
};

const PRINCIPAL_BASIS: Readonly<Record<ReportingViolation, string>> = {
  LATE: '生产安全事故报告和调查处理条例 Art.35(2)；安全生产法 Art.110',
  OMITTED: '生产安全事故报告和调查处理条例 Art.35(2)',
  FALSE_REPORT: '生产安全事故报告和调查处理条例 Art.36(1)；安全生产法 Art.110',
  CONCEALED: '生产安全事故报告和调查处理条例 Art.36(1)；安全生产法 Art.110',
};

/** The consequences of one flag: the principal and (谎报/瞒报) the enterprise where there is one, and each official named. */
export function reportingConsequences(
  flag: ReportingViolation,
  subject: { hasEnterprise: boolean; officials: number },
): ReportingConsequence[] {
  const out: ReportingConsequence[] = [];
  if (subject.hasEnterprise) {
    out.push({ target: 'PRINCIPAL', legalBasis: PRINCIPAL_BASIS[flag] });
    if (flag === 'FALSE_REPORT' || flag === 'CONCEALED')
      out.push({ target: 'ENTERPRISE', legalBasis: '生产安全事故报告和调查处理条例 Art.36(1)' });
  }
  for (let i = 0; i < subject.officials; i++)
    out.push({ target: 'OFFICIAL', legalBasis: '生产安全事故报告和调查处理条例 Art.39(2)', officialIndex: i });
  return out;
}
