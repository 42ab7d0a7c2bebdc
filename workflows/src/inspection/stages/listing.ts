import { plusDays } from '@safety/domain/calendar/local-date';
import { InspectionSteps } from '@safety/temporal/steps/inspection.steps';
import { separationOfDuties } from '../../kernel/problems';
import type { InspectionCase } from '../case';

/**
 * 挂牌督办 of a 重大事故隐患: the team reviews the hazard's removal (due a policy number of calendar
 * days after listing, UNVERIFIED provincial practice), then a head other than the reviewer approves
 * the lifting (销号). Runs beside the rectification until lifted.
 */
export async function supervisedListing(ic: InspectionCase, by: string): Promise<void> {
  const { policy, recordedOn } = ic;
  const dueOn = plusDays(recordedOn, policy.supervisedListingDays);
  const listing: NonNullable<typeof ic.state.listing> = { listedOn: recordedOn, dueOn, status: 'LISTED' };
  ic.state.listing = listing;
  await ic.event(
    'listing',
    'HAZARD_LISTED_FOR_SUPERVISION',
    by,
    { listing },
    { dueOn, days: policy.supervisedListingDays },
  );
  for (let round = 1; ; round++) {
    const review = await ic.board.run(InspectionSteps.LISTING_REVIEW, {
      ...ic.where,
      step: `listing-review-${round}`,
      title: '挂牌督办重大事故隐患 — 整改核查',
      deadline: { startDate: recordedOn, unit: 'calendar_days', amount: policy.supervisedListingDays },
      eligible: (actor) => ic.teamOnly(actor),
    });
    const opinion = review.payload.opinion;
    if (review.outcome === 'NOT_REMOVED') {
      await ic.event(`listing-review-${round}`, 'LISTED_HAZARD_NOT_REMOVED', review.actor.userId, {}, { opinion });
      continue;
    }
    listing.status = 'LIFT_REQUESTED';
    const approval = await ic.board.run(InspectionSteps.LISTING_LIFT_APPROVAL, {
      ...ic.where,
      step: `listing-lift-approval-${round}`,
      title: '挂牌督办销号审批',
      deadline: null,
      context: { opinion },
      eligible: (actor) =>
        actor.userId === review.actor.userId
          ? separationOfDuties('the reviewer may not approve the lifting')
          : undefined,
    });
    if (approval.outcome === 'APPROVE') {
      listing.status = 'LIFTED';
      await ic.event('listing-lifted', 'HAZARD_LISTING_LIFTED', approval.actor.userId, { listing }, { opinion });
      return;
    }
    listing.status = 'LISTED';
    await ic.event(
      `listing-lift-refused-${round}`,
      'HAZARD_LISTING_LIFT_REFUSED',
      approval.actor.userId,
      {},
      { reason: approval.payload.reason },
    );
  }
}
