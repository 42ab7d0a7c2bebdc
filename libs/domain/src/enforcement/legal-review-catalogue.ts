import { DomainError, ErrorCode } from '../errors';
import { yuanToFen } from './money';
import { PartyType, PenaltyPolicy } from './policy';

/**
 * 重大执法决定法制审核目录清单: the decisions a department always sends to 法制审核 before deciding, on top of
 * the grounds of 行政处罚法 Art.58(1)(1)–(3) (legal-review.ts). Art.58(1)(4) lets laws and regulations add cases;
 * 国办发〔2018〕118号 has every agency publish its own catalogue. Each entry is one line of that catalogue.
 */
export const CATALOGUE_ENTRY_KINDS = [
  'FINE_AT_OR_ABOVE', // 对单位/个人处以 N 元以上罚款
  'CONFISCATION_AT_OR_ABOVE', // 没收违法所得/非法财物价值 N 元以上
  'SUSPEND_PRODUCTION', // 责令停产停业
  'LICENCE_REVOCATION', // 吊销许可证件
  'CLOSURE', // 责令关闭
  'MAJOR_PUBLIC_INTEREST', // 涉及重大公共利益
  'COMPLEX_CASE', // 案件情况疑难复杂、涉及多个法律关系
  'OTHER', // 其他 (free text: the proposing officer names the entry by hand)
] as const;
export type CatalogueEntryKind = (typeof CATALOGUE_ENTRY_KINDS)[number];

/** Entry kinds that carry a party type and an amount (yuan, "at or above" like Art.63's 较大数额). */
export const AMOUNT_ENTRY_KINDS: readonly CatalogueEntryKind[] = ['FINE_AT_OR_ABOVE', 'CONFISCATION_AT_OR_ABOVE'];

export interface CatalogueEntry {
  /** Stable within the catalogue; the case names matched entries by it. */
  id: string;
  kind: CatalogueEntryKind;
  /** The catalogue line as published (Chinese). */
  title: string;
  /** FINE_AT_OR_ABOVE / CONFISCATION_AT_OR_ABOVE only. */
  partyType?: PartyType;
  /** FINE_AT_OR_ABOVE / CONFISCATION_AT_OR_ABOVE only: yuan, 2 decimals, ≥ 0. */
  amountYuan?: number;
}

/** The facts of a proposal the catalogue is matched against. */
export interface CatalogueFacts {
  partyType: PartyType;
  measures: readonly string[];
  fineYuan?: number;
  confiscationYuan?: number;
  involvesMajorPublicInterest: boolean;
  multipleLegalRelationships: boolean;
  /** Ids of OTHER entries the proposing officer flagged by hand. */
  flaggedEntryIds: readonly string[];
}

const PARTY_LABEL: Record<PartyType, string> = { ORGANISATION: '单位', INDIVIDUAL: '个人' };

const MEASURE_OF_KIND: Partial<Record<CatalogueEntryKind, string>> = {
  SUSPEND_PRODUCTION: 'SUSPEND_PRODUCTION',
  LICENCE_REVOCATION: 'LICENCE_REVOCATION',
  CLOSURE: 'CLOSURE',
};

const atOrAbove = (value: number | undefined, threshold: number | undefined, field: string): boolean =>
  value !== undefined && threshold !== undefined && yuanToFen(value, field) >= yuanToFen(threshold);

/** Whether one entry applies to the proposal. */
export function entryMatches(entry: CatalogueEntry, facts: CatalogueFacts): boolean {
  switch (entry.kind) {
    case 'FINE_AT_OR_ABOVE':
      return (
        facts.partyType === entry.partyType &&
        facts.measures.includes('FINE') &&
        atOrAbove(facts.fineYuan, entry.amountYuan, 'fineYuan')
      );
    case 'CONFISCATION_AT_OR_ABOVE':
      return (
        facts.partyType === entry.partyType && atOrAbove(facts.confiscationYuan, entry.amountYuan, 'confiscationYuan')
      );
    case 'SUSPEND_PRODUCTION':
    case 'LICENCE_REVOCATION':
    case 'CLOSURE':
      return facts.measures.includes(MEASURE_OF_KIND[entry.kind]!);
    case 'MAJOR_PUBLIC_INTEREST':
      return facts.involvesMajorPublicInterest;
    case 'COMPLEX_CASE':
      return facts.multipleLegalRelationships;
    case 'OTHER':
      return facts.flaggedEntryIds.includes(entry.id);
  }
}

/** The catalogue entries the proposal matches, in catalogue order. Any match: no decision before 法制审核 (Art.58). */
export function matchCatalogue(entries: readonly CatalogueEntry[], facts: CatalogueFacts): CatalogueEntry[] {
  return entries.filter((entry) => entryMatches(entry, facts));
}

/** The catalogue line as an agency would publish it, for entries stored without a title. */
export function defaultEntryTitle(entry: Omit<CatalogueEntry, 'title'>): string {
  switch (entry.kind) {
    case 'FINE_AT_OR_ABOVE':
      return `对${PARTY_LABEL[entry.partyType!]}处以${entry.amountYuan}元以上罚款`;
    case 'CONFISCATION_AT_OR_ABOVE':
      return `对${PARTY_LABEL[entry.partyType!]}没收违法所得或者非法财物价值${entry.amountYuan}元以上`;
    case 'SUSPEND_PRODUCTION':
      return '责令停产停业';
    case 'LICENCE_REVOCATION':
      return '吊销许可证件';
    case 'CLOSURE':
      return '责令关闭';
    case 'MAJOR_PUBLIC_INTEREST':
      return '涉及重大公共利益的';
    case 'COMPLEX_CASE':
      return '案件情况疑难复杂、涉及多个法律关系的';
    case 'OTHER':
      return '其他';
  }
}

/**
 * The default catalogue, used while a department has stored none: every decision that gives a hearing right
 * by its amount (行政处罚法 Art.63 较大数额, the same thresholds as the department's policy, so the two rules
 * move together) and every 责令停产停业 / 吊销许可证件 / 责令关闭, plus the Art.58(1)(1) and (3) grounds so the
 * case names a catalogue line for them too. A default, not a statute: each agency publishes its own.
 */
export function defaultCatalogue(
  policy: Pick<PenaltyPolicy, 'largeFineThresholdYuan' | 'largeConfiscationThresholdYuan'>,
) {
  const entries: Array<Omit<CatalogueEntry, 'title'>> = [
    {
      id: 'fine-organisation',
      kind: 'FINE_AT_OR_ABOVE',
      partyType: 'ORGANISATION',
      amountYuan: policy.largeFineThresholdYuan.ORGANISATION,
    },
    {
      id: 'fine-individual',
      kind: 'FINE_AT_OR_ABOVE',
      partyType: 'INDIVIDUAL',
      amountYuan: policy.largeFineThresholdYuan.INDIVIDUAL,
    },
    {
      id: 'confiscation-organisation',
      kind: 'CONFISCATION_AT_OR_ABOVE',
      partyType: 'ORGANISATION',
      amountYuan: policy.largeConfiscationThresholdYuan.ORGANISATION,
    },
    {
      id: 'confiscation-individual',
      kind: 'CONFISCATION_AT_OR_ABOVE',
      partyType: 'INDIVIDUAL',
      amountYuan: policy.largeConfiscationThresholdYuan.INDIVIDUAL,
    },
    { id: 'suspend-production', kind: 'SUSPEND_PRODUCTION' },
    { id: 'licence-revocation', kind: 'LICENCE_REVOCATION' },
    { id: 'closure', kind: 'CLOSURE' },
    { id: 'major-public-interest', kind: 'MAJOR_PUBLIC_INTEREST' },
    { id: 'complex-case', kind: 'COMPLEX_CASE' },
  ];
  return entries.map((entry) => ({ ...entry, title: defaultEntryTitle(entry) }));
}

/**
 * Checks a catalogue before it is stored (the API contract already checks shapes): ids unique, amounts only on
 * amount entries and there with a party type, yuan with at most 2 decimals. Fills in missing titles.
 */
export function normaliseCatalogue(
  entries: ReadonlyArray<Omit<CatalogueEntry, 'title'> & { title?: string }>,
): CatalogueEntry[] {
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const fail = (field: string, message: string): never => {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `entries.${index}.${field} ${message}`, {
        fields: [{ path: `entries.${index}.${field}`, message }],
      });
    };
    if (!CATALOGUE_ENTRY_KINDS.includes(entry.kind)) fail('kind', `is not one of ${CATALOGUE_ENTRY_KINDS.join(', ')}`);
    if (seen.has(entry.id)) fail('id', 'is used by another entry');
    seen.add(entry.id);
    const amounts = AMOUNT_ENTRY_KINDS.includes(entry.kind);
    if (amounts) {
      if (entry.partyType === undefined) fail('partyType', `is required for ${entry.kind}`);
      if (entry.amountYuan === undefined) fail('amountYuan', `is required for ${entry.kind}`);
      yuanToFen(entry.amountYuan!, `entries.${index}.amountYuan`);
    } else {
      if (entry.partyType !== undefined) fail('partyType', `is only for ${AMOUNT_ENTRY_KINDS.join(' and ')}`);
      if (entry.amountYuan !== undefined) fail('amountYuan', `is only for ${AMOUNT_ENTRY_KINDS.join(' and ')}`);
    }
    if (entry.kind === 'OTHER' && !entry.title)
      fail('title', 'is required for OTHER (the catalogue line as published)');
    const { title, ...rest } = entry;
    return { ...rest, title: title ?? defaultEntryTitle(rest) };
  });
}
