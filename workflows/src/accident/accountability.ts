import { CancellationScope, ParentClosePolicy, patched, startChild } from '@temporalio/workflow';
import { linkedCaseOutcome, referralOutcome } from '@safety/domain/accident/accountability';
import type { LinkedCase } from '@safety/temporal/activities';
import type { LinkedCaseNaming, SavedReport } from '@safety/temporal/accident.activities';
import type {
  CriminalTransferInput,
  CriminalTransferState,
} from '@safety/temporal/contracts/criminal-transfer.contract';
import type {
  DisciplineReferralInput,
  DisciplineReferralState,
} from '@safety/temporal/contracts/discipline-referral.contract';
import type { PenaltyCaseInput, PenaltyCaseState } from '@safety/temporal/contracts/penalty-case.contract';
import { AccidentSteps } from '@safety/temporal/steps/accident.steps';
import type { OutcomeOf } from '@safety/temporal/steps/step-definition';
import { startLinkedCase, StartedLinkedCase } from '../kernel/linked-cases';
import { PATCH } from '../kernel/patches';
import type { AccidentCase } from './case';
import type { Approval } from './report';

type Party = SavedReport['parties'][number];
type PartyOutcome = OutcomeOf<typeof AccidentSteps.ACCOUNTABILITY_OUTCOME>;

const EVERY_OUTCOME = Object.keys(AccidentSteps.ACCOUNTABILITY_OUTCOME.outcomes) as PartyOutcome[];

/**
 * On 批复, in the same workflow step (条例 Art.32, 34): the report is published and every
 * responsible party is handed to whoever holds it to account — a public official's lead to the
 * discipline body (first, so it lands with the 批复), an administrative penalty case, a criminal
 * transfer, the unit's own handling recorded by an officer, or nothing further. Linked cases run
 * their own workflows and outlive this one; their answers become the parties' outcomes.
 */
export async function holdAccountable(ac: AccidentCase, saved: SavedReport, approval: Approval): Promise<void> {
  const approver = approval.actor.userId;
  ac.state.approvedAt = approval.completedAt;
  await ac.status.moveTo('IMPLEMENTING', approver, 'ACCIDENT_REPORT_APPROVED', {
    version: ac.state.reportVersion,
    published: true,
  });
  const ordered = [
    ...saved.parties.filter((party) => party.proposedHandling === 'DISCIPLINE_REFERRAL'),
    ...saved.parties.filter((party) => party.proposedHandling !== 'DISCIPLINE_REFERRAL'),
  ];
  for (const party of ordered) {
    if (party.proposedHandling === 'DISCIPLINE_REFERRAL') await refer(ac, party, approval);
    else if (party.proposedHandling === 'ADMINISTRATIVE_PENALTY') await openPenaltyCase(ac, party, approver);
    else if (party.proposedHandling === 'CRIMINAL_TRANSFER') await transfer(ac, party, approval);
    else if (party.proposedHandling === 'INTERNAL_HANDLING') {
      ac.spawn(
        `accountability-${party.seq}`,
        () =>
          recordByHand(
            ac,
            party,
            ['INTERNAL_ACTION_TAKEN', 'NO_LIABILITY_FOUND'],
            'record the action the unit took (条例 Art.32 para.3)',
          ),
        { untilClosed: true },
      );
    } else {
      await ac.acts.accidentRecordPartyOutcome({
        partyId: party.id,
        outcome: 'NO_LIABILITY_FOUND',
        detail: { reason: 'the approved report proposes no further action' },
      });
    }
  }
}

/** 线索移交 (国务院令第310号 Art.18–19): the referral's own case in the receiving body, and its workflow. */
async function refer(ac: AccidentCase, party: Party, approval: Approval): Promise<void> {
  const request = {
    caseId: ac.caseId,
    partyId: party.id,
    actorId: approval.actor.userId,
    sentAt: approval.completedAt,
  };
  const started = await startForParty<DisciplineReferralInput, DisciplineReferralState, LinkedCase & ReferralFields>(
    ac,
    { purpose: `discipline-referral-${party.seq}`, legacyWorkflowId: `discipline-referral-${ac.caseId}-${party.seq}` },
    async (naming) => {
      const referral = await ac.acts.accidentCreateReferral({ ...request, ...naming });
      return { ...referral, caseId: referral.referralCaseId };
    },
    'disciplineReferralWorkflow',
    (referral) => ({
      caseId: referral.referralCaseId,
      referralId: referral.referralId,
      sourceCaseId: ac.caseId,
      senderDepartmentId: referral.senderDepartmentId,
      receivingDepartmentId: referral.receivingDepartmentId,
      sentAt: approval.completedAt,
      ackWorkingDays: referral.ackWorkingDays,
      resultDays: referral.resultDays,
    }),
  );
  follow(ac, party, started.result, (final) => ({
    outcome: referralOutcome(final.outcome),
    detail: { referral: 'answered' },
  }));
}

type ReferralFields = Awaited<ReturnType<AccidentCase['acts']['accidentCreateReferral']>>;

/** 行政处罚 (条例 Art.32 para.2): a penalty case opened automatically, in the investigating department. */
async function openPenaltyCase(ac: AccidentCase, party: Party, approver: string): Promise<void> {
  const started = await startForParty<PenaltyCaseInput, PenaltyCaseState, LinkedCaseOf>(
    ac,
    { purpose: `penalty-${party.seq}`, legacyWorkflowId: `penalty-accident-${ac.caseId}-${party.seq}` },
    (naming) =>
      ac.acts.accidentOpenLinkedCase({
        caseId: ac.caseId,
        partyId: party.id,
        kind: 'PENALTY',
        actorId: approver,
        ...naming,
      }),
    'penaltyCaseWorkflow',
    (linked) => ({
      caseId: linked.caseId,
      departmentId: linked.departmentId,
      enterpriseId: linked.enterpriseId,
      createdBy: approver,
      handlerIds: [],
      openedAt: linked.openedAt,
      origin: { kind: 'ACCIDENT', sourceCaseId: ac.caseId },
    }),
  );
  follow(ac, party, started.result, (final) => ({
    outcome: linkedCaseOutcome('PENALTY', final.status),
    detail: { penaltyCaseId: started.linked.caseId, finalStatus: final.status },
  }));
}

type LinkedCaseOf = Awaited<ReturnType<AccidentCase['acts']['accidentOpenLinkedCase']>>;

/** 涉嫌犯罪移送 (条例 Art.32 para.4; 国务院令第310号): the transfer team named in the 批复. */
async function transfer(ac: AccidentCase, party: Party, approval: Approval): Promise<void> {
  const approver = approval.actor.userId;
  const started = await startForParty<CriminalTransferInput, CriminalTransferState, LinkedCaseOf>(
    ac,
    { purpose: `criminal-transfer-${party.seq}`, legacyWorkflowId: `criminal-transfer-${ac.caseId}-${party.seq}` },
    (naming) =>
      ac.acts.accidentOpenLinkedCase({
        caseId: ac.caseId,
        partyId: party.id,
        kind: 'CRIMINAL_TRANSFER',
        actorId: approver,
        ...naming,
      }),
    'criminalTransferWorkflow',
    (linked) => ({
      caseId: linked.caseId,
      sourceCaseId: ac.caseId,
      sourceCaseType: 'ACCIDENT',
      departmentId: linked.departmentId,
      proposedBy: approver,
      teamIds: approval.payload.transferTeamIds ?? [],
      suspectedOffence: party.handlingDetail ?? '涉嫌重大责任事故罪（刑法 Art.134）',
      grounds: [party.responsibility],
      openedAt: linked.openedAt,
    }),
  );
  follow(ac, party, started.result, (final) => ({
    outcome: linkedCaseOutcome('CRIMINAL_TRANSFER', final.status),
    detail: { transferCaseId: started.linked.caseId, finalStatus: final.status },
  }));
}

/**
 * Opens a party's linked case and starts its workflow as a child that outlives this one, outside
 * the case's cancellable work (a failed accident workflow never cancels a penalty case). The
 * database numbers the workflow id (PATCH.LINKED_CASES); histories recorded before named it here.
 */
function startForParty<Input, Result, Linked extends LinkedCase>(
  ac: AccidentCase,
  names: { purpose: string; legacyWorkflowId: string },
  open: (naming: LinkedCaseNaming) => Promise<Linked>,
  workflowType: string,
  input: (linked: Linked) => Input,
): Promise<StartedLinkedCase<Result, Linked>> {
  return CancellationScope.nonCancellable(async () => {
    if (patched(PATCH.LINKED_CASES)) {
      return startLinkedCase<Input, Result, Linked>(
        ac.kernel,
        { purpose: names.purpose, open: (linkKey) => open({ linkKey }) },
        workflowType,
        input,
      );
    }
    const linked = await open({ workflowId: names.legacyWorkflowId });
    const child = await ac.kernel.track(
      startChild(workflowType, {
        workflowId: names.legacyWorkflowId,
        args: [input(linked)],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      }),
    );
    return { linked, result: child.result() as Promise<Result> };
  });
}

/** The party's outcome once its linked case's workflow ends; a failed one is recorded by hand. */
function follow<Result>(
  ac: AccidentCase,
  party: Party,
  result: Promise<Result>,
  outcomeOf: (final: Result) => { outcome: string; detail: Record<string, unknown> },
): void {
  ac.spawn(
    `linked-case-${party.seq}`,
    () =>
      result.then(
        async (final) => {
          const { outcome, detail } = outcomeOf(final);
          if (outcome !== 'PENDING') await ac.acts.accidentRecordPartyOutcome({ partyId: party.id, outcome, detail });
        },
        () =>
          ac.spawn(
            `accountability-${party.seq}`,
            () => recordByHand(ac, party, EVERY_OUTCOME, 'the linked workflow failed; record the outcome by hand'),
            { untilClosed: true },
          ),
      ),
    { detached: true },
  );
}

/** An officer records the outcome (ACCIDENT_ACCOUNTABILITY_OUTCOME) while the case is open. */
async function recordByHand(ac: AccidentCase, party: Party, outcomes: PartyOutcome[], why: string): Promise<void> {
  const done = await ac.board.run(AccidentSteps.ACCOUNTABILITY_OUTCOME, {
    ...ac.where,
    step: `accountability-${party.seq}`,
    title: `记录责任追究结果：${party.name}`.slice(0, 200),
    outcomes,
    deadline: null,
    context: { partyId: party.id, why },
  });
  await ac.acts.accidentRecordPartyOutcome({
    partyId: party.id,
    outcome: done.outcome,
    detail: { summary: done.payload.summary, actorId: done.actor.userId },
  });
}
