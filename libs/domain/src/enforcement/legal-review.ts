/** Facts that decide whether 法制审核 is required before the decision (行政处罚法 Art.58). */
export interface LegalReviewFacts {
  /** Art.58(1)(1) 涉及重大公共利益 */
  involvesMajorPublicInterest: boolean;
  /** Art.58(1)(2) 直接关系当事人或者第三人重大权益 … */
  affectsMajorRightsOfPartyOrThirdParty: boolean;
  /** … 经过听证程序 (both halves of Art.58(1)(2) are needed) */
  hearingHeld: boolean;
  /** Art.58(1)(3) 案件情况疑难复杂、涉及多个法律关系 */
  complexWithMultipleLegalRelationships: boolean;
  /** Art.58(1)(4) other cases where laws or regulations require it (e.g. a provincial list) */
  requiredByOtherRule?: boolean;
}

export type LegalReviewGround = 'MAJOR_PUBLIC_INTEREST' | 'MAJOR_RIGHTS_AFTER_HEARING' | 'COMPLEX_CASE' | 'OTHER_RULE';

export function legalReviewGrounds(f: LegalReviewFacts): LegalReviewGround[] {
  const grounds: LegalReviewGround[] = [];
  if (f.involvesMajorPublicInterest) grounds.push('MAJOR_PUBLIC_INTEREST');
  if (f.affectsMajorRightsOfPartyOrThirdParty && f.hearingHeld) grounds.push('MAJOR_RIGHTS_AFTER_HEARING');
  if (f.complexWithMultipleLegalRelationships) grounds.push('COMPLEX_CASE');
  if (f.requiredByOtherRule) grounds.push('OTHER_RULE');
  return grounds;
}

/** 行政处罚法 Art.58: no decision without passing 法制审核 when any ground applies. */
export function requiresLegalReview(f: LegalReviewFacts): boolean {
  return legalReviewGrounds(f).length > 0;
}
