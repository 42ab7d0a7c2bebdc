import { condition } from '@temporalio/workflow';
import type { AccidentState, SuperviseListingInput } from '@safety/temporal/contracts/accident.contract';
import { AccidentSteps } from '@safety/temporal/steps/accident.steps';
import { alreadyExists, forbidden, reject, ruleBroken } from '../kernel/problems';
import { type AccidentCase, stepsAskedFirst } from './case';

const DAY_MS = 86_400_000;
type Listing = NonNullable<AccidentState['listing']>;

/**
 * 挂牌督办 by a higher 安委会 (a head of a department above the investigating one; the API checks
 * the hierarchy): the listed items have their own deadline (policy, UNVERIFIED default 60 days) and
 * are reported complete only after 批复; a progress report is due every
 * `supervisedListingReportEveryDays` until then.
 */
export async function superviseListing(ac: AccidentCase, input: SuperviseListingInput): Promise<Listing> {
  if (ac.state.listing) reject(alreadyExists('the case is already under supervised listing'));
  const listedOn = ac.today();
  const deadlineDays = input.deadlineDays ?? ac.policy.supervisedListingDays;
  const listing: Listing = { noticeNo: input.noticeNo, listedOn, deadlineDays, completedAt: null, progressReports: 0 };
  ac.state.listing = listing;
  await ac.acts.accidentRecordListing({
    caseId: ac.caseId,
    listedBy: input.actor.userId,
    listedByDepartmentId: input.actor.departmentId,
    noticeNo: input.noticeNo,
    listedOn,
    deadlineDays,
  });
  ac.spawn('supervised-listing', () => completeListing(ac, listing));
  ac.spawn('supervised-listing-progress', () => reportProgress(ac, listing), { untilClosed: true });
  return listing;
}

async function completeListing(ac: AccidentCase, listing: Listing): Promise<void> {
  const done = await ac.board.run(AccidentSteps.SUPERVISED_LISTING, {
    ...ac.where,
    step: 'supervised-listing',
    title: '挂牌督办事项办结',
    deadline: { startDate: listing.listedOn, unit: 'calendar_days', amount: listing.deadlineDays },
    eligible: (actor) =>
      actor.departmentId === ac.state.departmentId
        ? undefined
        : forbidden('only the investigating department reports the listed items complete'),
    check: () =>
      ac.state.approvedAt === null
        ? ruleBroken('listed items are complete only once the report is approved (批复)')
        : undefined,
  });
  listing.completedAt = done.completedAt;
  await ac.acts.accidentCompleteListing({ caseId: ac.caseId, at: done.completedAt, actorId: done.actor.userId });
}

async function reportProgress(ac: AccidentCase, listing: Listing): Promise<void> {
  await stepsAskedFirst();
  for (let n = 1; ; n++) {
    const everyMs = ac.policy.supervisedListingReportEveryDays * DAY_MS;
    if (await condition(() => listing.completedAt !== null, everyMs)) return;
    listing.progressReports = n;
    ac.spawn(
      `supervised-listing-progress-${n}`,
      () =>
        ac.board.run(AccidentSteps.SUPERVISED_LISTING_PROGRESS, {
          ...ac.where,
          step: `supervised-listing-progress-${n}`,
          title: `挂牌督办进展报告（第${n}次）`,
          deadline: {
            startDate: ac.today(),
            unit: 'working_days',
            amount: ac.policy.supervisedListingReportWorkingDays,
          },
        }),
      { untilClosed: true },
    );
  }
}
