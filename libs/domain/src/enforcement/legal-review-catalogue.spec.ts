import { DomainError } from '../errors';
import { CatalogueFacts, defaultCatalogue, matchCatalogue, normaliseCatalogue } from './legal-review-catalogue';
import { DEFAULT_PENALTY_POLICY } from './policy';

const facts = (extra: Partial<CatalogueFacts> = {}): CatalogueFacts => ({
  partyType: 'ORGANISATION',
  measures: ['FINE'],
  fineYuan: 0,
  involvesMajorPublicInterest: false,
  multipleLegalRelationships: false,
  flaggedEntryIds: [],
  ...extra,
});
const ids = (entries: Array<{ id: string }>) => entries.map((entry) => entry.id);

describe('legal review catalogue (重大执法决定法制审核目录, 行政处罚法 Art.58)', () => {
  const catalogue = defaultCatalogue(DEFAULT_PENALTY_POLICY);

  it('reviews by default a fine at the hearing threshold (较大数额, Art.63) and not one fen below', () => {
    const threshold = DEFAULT_PENALTY_POLICY.largeFineThresholdYuan.ORGANISATION;
    expect(ids(matchCatalogue(catalogue, facts({ fineYuan: threshold })))).toEqual(['fine-organisation']);
    expect(matchCatalogue(catalogue, facts({ fineYuan: threshold - 0.01 }))).toEqual([]);
    const individual = DEFAULT_PENALTY_POLICY.largeFineThresholdYuan.INDIVIDUAL;
    expect(ids(matchCatalogue(catalogue, facts({ partyType: 'INDIVIDUAL', fineYuan: individual })))).toEqual([
      'fine-individual',
    ]);
    expect(matchCatalogue(catalogue, facts({ partyType: 'INDIVIDUAL', fineYuan: individual - 1 }))).toEqual([]);
  });

  it('follows the policy thresholds, so the hearing rule and the default catalogue move together', () => {
    const lowered = defaultCatalogue({
      largeFineThresholdYuan: { ORGANISATION: 20_000, INDIVIDUAL: 5_000 },
      largeConfiscationThresholdYuan: { ORGANISATION: 20_000, INDIVIDUAL: 5_000 },
    });
    expect(ids(matchCatalogue(lowered, facts({ fineYuan: 20_000 })))).toEqual(['fine-organisation']);
    expect(lowered[0].title).toBe('对单位处以20000元以上罚款');
  });

  it('ignores an amount without the fine measure, and matches confiscation by its own threshold', () => {
    expect(matchCatalogue(catalogue, facts({ measures: ['WARNING'], fineYuan: 1_000_000 }))).toEqual([]);
    expect(ids(matchCatalogue(catalogue, facts({ measures: ['CONFISCATION'], confiscationYuan: 30_000 })))).toEqual([
      'confiscation-organisation',
    ]);
    expect(matchCatalogue(catalogue, facts({ measures: ['CONFISCATION'], confiscationYuan: 29_999.99 }))).toEqual([]);
  });

  it('reviews every 责令停产停业, 吊销许可证件 and 责令关闭, and the Art.58 flags, naming every matched entry', () => {
    const matched = matchCatalogue(
      catalogue,
      facts({
        measures: ['FINE', 'SUSPEND_PRODUCTION', 'LICENCE_REVOCATION', 'CLOSURE'],
        fineYuan: 50_000,
        involvesMajorPublicInterest: true,
        multipleLegalRelationships: true,
      }),
    );
    expect(ids(matched)).toEqual([
      'fine-organisation',
      'suspend-production',
      'licence-revocation',
      'closure',
      'major-public-interest',
      'complex-case',
    ]);
    expect(matched.map((entry) => entry.title)).toContain('责令停产停业');
  });

  it('matches an OTHER entry only when the proposal flags it by hand', () => {
    const own = normaliseCatalogue([{ id: 'night-work', kind: 'OTHER', title: '夜间施工许可相关处罚' }]);
    expect(matchCatalogue(own, facts())).toEqual([]);
    expect(ids(matchCatalogue(own, facts({ flaggedEntryIds: ['night-work'] })))).toEqual(['night-work']);
  });

  it('refuses duplicate ids, amounts on the wrong kind, missing amounts and sub-fen amounts', () => {
    const fails = (entries: Parameters<typeof normaliseCatalogue>[0]) => () => normaliseCatalogue(entries);
    expect(
      fails([
        { id: 'a', kind: 'CLOSURE' },
        { id: 'a', kind: 'CLOSURE' },
      ]),
    ).toThrow(/entries\.1\.id is used by another entry/);
    expect(fails([{ id: 'a', kind: 'CLOSURE', amountYuan: 5 }])).toThrow(/entries\.0\.amountYuan is only for/);
    expect(fails([{ id: 'a', kind: 'FINE_AT_OR_ABOVE', partyType: 'INDIVIDUAL' }])).toThrow(/amountYuan is required/);
    expect(fails([{ id: 'a', kind: 'FINE_AT_OR_ABOVE', partyType: 'INDIVIDUAL', amountYuan: 1.001 }])).toThrow(
      DomainError,
    );
    expect(fails([{ id: 'a', kind: 'OTHER' }])).toThrow(/title is required/);
    expect(normaliseCatalogue([{ id: 'a', kind: 'FINE_AT_OR_ABOVE', partyType: 'INDIVIDUAL', amountYuan: 0 }])).toEqual(
      [{ id: 'a', kind: 'FINE_AT_OR_ABOVE', partyType: 'INDIVIDUAL', amountYuan: 0, title: '对个人处以0元以上罚款' }],
    );
  });
});
