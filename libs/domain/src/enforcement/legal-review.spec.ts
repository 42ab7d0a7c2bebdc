import { LegalReviewFacts, legalReviewGrounds, requiresLegalReview } from './legal-review';

const none: LegalReviewFacts = {
  involvesMajorPublicInterest: false,
  affectsMajorRightsOfPartyOrThirdParty: false,
  hearingHeld: false,
  complexWithMultipleLegalRelationships: false,
};

describe('requiresLegalReview (行政处罚法 Art.58)', () => {
  it('is not required when no ground applies', () => {
    expect(requiresLegalReview(none)).toBe(false);
  });

  it.each<[Partial<LegalReviewFacts>, string]>([
    [{ involvesMajorPublicInterest: true }, 'MAJOR_PUBLIC_INTEREST'],
    [{ affectsMajorRightsOfPartyOrThirdParty: true, hearingHeld: true }, 'MAJOR_RIGHTS_AFTER_HEARING'],
    [{ complexWithMultipleLegalRelationships: true }, 'COMPLEX_CASE'],
    [{ requiredByOtherRule: true }, 'OTHER_RULE'],
  ])('%p → %s', (facts, ground) => {
    expect(requiresLegalReview({ ...none, ...facts })).toBe(true);
    expect(legalReviewGrounds({ ...none, ...facts })).toEqual([ground]);
  });

  it('needs both major rights and a hearing for ground (2)', () => {
    expect(requiresLegalReview({ ...none, affectsMajorRightsOfPartyOrThirdParty: true })).toBe(false);
    expect(requiresLegalReview({ ...none, hearingHeld: true })).toBe(false);
  });
});
