import type {
  AccidentClockView,
  AppraisalInput,
  ExtendInvestigationInput,
} from '@safety/temporal/contracts/accident.contract';
import type { TaskActor } from '@safety/temporal/contracts/human-task.contract';
import { firstProblem, forbidden, invalid, outOfOrder, Problem, reject, ruleBroken } from '../../kernel/problems';
import type { AccidentCase } from '../case';

/** Who manages the investigation clock, and while it runs: until the report is in. */
export function clockProblem(ac: AccidentCase, actor: TaskActor): Problem | undefined {
  return firstProblem(
    () =>
      ac.isHeadHere(actor) || actor.userId === ac.state.teamLeadId
        ? undefined
        : forbidden('only the investigating department head or the team lead manages the investigation clock'),
    () =>
      ac.state.reportSubmitted || !['TEAM_FORMATION', 'INVESTIGATING'].includes(ac.state.status)
        ? outOfOrder('the investigation clock has stopped: the report is in')
        : undefined,
  );
}

const dateField = (message: string) => invalid(message, { fields: [{ path: 'on', message }] });

/** 条例 Art.27: an appraisal starts on a day between the accident and today, after the last one ended. */
export function appraisalProblem(ac: AccidentCase, input: AppraisalInput): Problem | undefined {
  const on = input.on ?? ac.today();
  const running = ac.clock.openAppraisal();
  const last = ac.clock.pauses[ac.clock.pauses.length - 1];
  return firstProblem(
    () =>
      on >= ac.accidentDate && on <= ac.today() ? undefined : dateField('must be between the accident day and today'),
    () => (input.action === 'START' && running ? outOfOrder('a technical appraisal is already running') : undefined),
    () => (input.action === 'END' && !running ? outOfOrder('no technical appraisal is running') : undefined),
    () => (input.action === 'START' && last?.to && on <= last.to ? dateField('appraisals may not overlap') : undefined),
    () =>
      input.action === 'END' && running && on < running.from
        ? dateField('the appraisal cannot end before it started')
        : undefined,
  );
}

/** Technical appraisal time does not count towards the investigation period (条例 Art.27). */
export function recordAppraisal(ac: AccidentCase, input: AppraisalInput): Promise<AccidentClockView> {
  return ac.clock.change(async () => {
    // Checked again: another change may have run since this one was validated.
    const found = appraisalProblem(ac, input);
    if (found) reject(found);
    const on = input.on ?? ac.today();
    if (input.action === 'START') ac.clock.pauses.push({ from: on });
    else ac.clock.openAppraisal()!.to = on;
    return ac.clock.recompute(
      `technical appraisal ${input.action === 'START' ? 'started' : 'ended'} on ${on}: ${input.reason}`,
      input.actor.userId,
    );
  });
}

const ONCE = 'the investigation period can be extended only once (条例 Art.29)';

export function extensionProblem(ac: AccidentCase, input: ExtendInvestigationInput): Problem | undefined {
  return firstProblem(
    () =>
      ac.isHeadHere(input.actor)
        ? undefined
        : forbidden('only a head of the investigating department approves an extension'),
    () => (ac.clock.extensions.length > 0 ? ruleBroken(ONCE) : undefined),
  );
}

/** 条例 Art.29: one extension of at most 60 days, approved by the investigating level. */
export function extendInvestigation(ac: AccidentCase, input: ExtendInvestigationInput): Promise<AccidentClockView> {
  return ac.clock.change(async () => {
    if (ac.clock.extensions.length > 0) reject(ruleBroken(ONCE));
    ac.clock.extensions.push({ amount: input.days });
    return ac.clock.recompute(`extension of ${input.days} days approved: ${input.reason}`, input.actor.userId);
  });
}
