import { workflowInfo } from '@temporalio/workflow';
import { plusDays } from '@safety/domain/calendar/local-date';
import { assertSeizureExtension } from '@safety/domain/inspection/record';
import { InspectionSteps } from '@safety/temporal/steps/inspection.steps';
import { domainRule, firstProblem, ruleBroken, separationOfDuties } from '../../kernel/problems';
import { withTerm } from '../area';
import type { InspectionCase } from '../case';

const RULE = '行政强制法 Art.25';

/**
 * 查封/扣押 (行政强制法 Art.25): at most 30 days from the record, extended once by at most 30 days
 * with the head's approval; the term ends on its last calendar day with no rest-day roll-over (it
 * limits the agency), watched by a timer of its own. Runs beside the rectification.
 */
export async function seizure(ic: InspectionCase, items: string, days: number, by: string): Promise<void> {
  let extended = false;
  let termStart = ic.recordedOn;
  let termDays = days;
  const seized = {
    items,
    startedOn: ic.recordedOn,
    expiresOn: null as string | null,
    extended: false,
    overdue: false,
    status: 'ACTIVE' as 'ACTIVE' | 'EXTENSION_REQUESTED' | 'RELEASED' | 'DISPOSED',
  };
  ic.state.seizure = seized;
  await ic.event('seizure-started', 'SEIZURE_STARTED', by, { seizure: seized }, { items, days, rule: RULE });

  for (let round = 1; ; round++) {
    const expiresOn = plusDays(termStart, termDays);
    const termEnd = ic.dayEnd(expiresOn);
    seized.expiresOn = expiresOn;
    const step = `seizure-decision-${round}`;
    const task = ic.board.run(InspectionSteps.SEIZURE_DECISION, {
      ...ic.where,
      step,
      title: `查封/扣押期限届满前处理（${expiresOn}）`,
      deadline: { startDate: termStart, unit: 'calendar_days', amount: termDays },
      warningLeadHours: 5 * 24,
      context: { items, expiresOn, extended },
      eligible: (actor) => ic.teamOrHead(actor),
      check: (submission) =>
        submission.outcome !== 'EXTEND'
          ? undefined
          : firstProblem(
              () =>
                domainRule(() =>
                  assertSeizureExtension(submission.payload.days, { alreadyExtended: extended, policy: ic.policy }),
                ),
              () =>
                Date.now() >= termEnd
                  ? ruleBroken(`the term has already expired; release or dispose of the items (${RULE})`)
                  : undefined,
            ),
    });
    const decision = await withTerm(task, termEnd, async () => {
      seized.overdue = true;
      await ic.kernel.caseActivities.escalateTask({ taskKey: `${workflowInfo().workflowId}:${step}`, level: 'RED' });
      await ic.event(
        `seizure-overdue-${round}`,
        'SEIZURE_TERM_EXCEEDED',
        null,
        { seizure: seized },
        { expiresOn, rule: RULE },
      );
    });

    if (decision.outcome !== 'EXTEND') {
      seized.status = decision.outcome === 'RELEASE' ? 'RELEASED' : 'DISPOSED';
      await ic.event(
        `seizure-${decision.outcome.toLowerCase()}`,
        decision.outcome === 'RELEASE' ? 'SEIZURE_RELEASED' : 'SEIZURE_DISPOSED',
        decision.actor.userId,
        { seizure: seized },
        { reason: decision.payload.reason },
      );
      return;
    }

    seized.status = 'EXTENSION_REQUESTED';
    const requested = decision.payload.days;
    const approval = await ic.board.run(InspectionSteps.SEIZURE_EXTENSION_APPROVAL, {
      ...ic.where,
      step: `seizure-extension-approval-${round}`,
      title: `查封/扣押延期审批（${requested}日）`,
      deadline: null,
      context: { requestedDays: requested, reason: decision.payload.reason, expiresOn },
      eligible: (actor) =>
        actor.userId === decision.actor.userId
          ? separationOfDuties('the extension must be approved by someone other than the requester')
          : undefined,
    });
    // Art.25: the extension is decided within the term; approved afterwards it cannot revive the term.
    if (approval.outcome === 'APPROVE' && Date.now() < termEnd) {
      extended = true;
      termStart = expiresOn;
      termDays = requested;
      Object.assign(seized, { extended: true, overdue: false, status: 'ACTIVE' });
      await ic.event(
        `seizure-extended-${round}`,
        'SEIZURE_EXTENDED',
        approval.actor.userId,
        { seizure: seized },
        { days: requested, newExpiry: plusDays(termStart, termDays) },
      );
    } else {
      seized.status = 'ACTIVE';
      await ic.event(
        `seizure-extension-refused-${round}`,
        'SEIZURE_EXTENSION_REFUSED',
        approval.actor.userId,
        { seizure: seized },
        {
          reason:
            approval.outcome === 'APPROVE' ? `approved after the term had expired (${RULE})` : approval.payload.reason,
        },
      );
    }
  }
}
