/** The party a penalty case is against, as its documents and its thresholds (individual or organisation) see it. */
export interface CaseParty {
  type: 'INDIVIDUAL' | 'ORGANISATION';
  name: string;
  creditCode: string | null;
  /** For an individual held to account for an organisation: the organisation and the position. */
  position: string | null;
}

export interface PartyEnterprise {
  name: string;
  creditCode: string | null;
  principalName: string | null;
}

/**
 * The enterprise, or, for a case against its principal (`data.subject` PRINCIPAL: 生产安全事故报告和调查处理条例
 * Art.35–36, 安全生产法 Art.110), the principal as an individual: the decision names that person, and the thresholds
 * for individuals (较大数额 for the hearing right, the legal review catalogue) apply to it.
 */
export function caseParty(
  data: Record<string, unknown> | null | undefined,
  enterprise: PartyEnterprise | null,
): CaseParty {
  if (!enterprise) return { type: 'INDIVIDUAL', name: '个人当事人', creditCode: null, position: null };
  if (data?.subject === 'PRINCIPAL')
    return {
      type: 'INDIVIDUAL',
      name: enterprise.principalName?.trim() || '主要负责人',
      creditCode: null,
      position: `${enterprise.name}主要负责人`,
    };
  return { type: 'ORGANISATION', name: enterprise.name, creditCode: enterprise.creditCode, position: null };
}
