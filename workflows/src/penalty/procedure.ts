import { workflowInfo } from '@temporalio/workflow';
import { toLocalDate } from '@safety/domain/calendar/local-date';
import { legalReviewGrounds } from '@safety/domain/enforcement/legal-review';
import { matchCatalogue } from '@safety/domain/enforcement/legal-review-catalogue';
import type { PenaltyProcedureState } from '@safety/temporal/contracts/penalty-case.contract';
import { PenaltySteps } from '@safety/temporal/steps/penalty.steps';
import { forbidden } from '../kernel/problems';
import type { PenaltyCase } from './case';
import { collectiveDiscussion, decide, RoundOutcome } from './stages/decision';
import { execute, serveDecision } from './stages/execution';
import { runHearing } from './stages/hearing';
import { investigate } from './stages/investigation';
import { legalReview } from './stages/legal-review';
import { notify, partyWindow } from './stages/notice';
import { propose } from './stages/proposal';

/**
 * 行政处罚一般程序 after 立案 (行政处罚法 2021, Chapter V, Section 3; 行政强制法 for execution):
 * rounds of investigation → proposal against the 裁量基准 → 法制审核 → 告知 → 陈述申辩/听证 →
 * 集体讨论 → 决定 until a decision stands, then 送达, 执行 and 公示, and 结案归档. Every statutory
 * period is a durable timer or a task deadline.
 */
export async function generalProcedure(pc: PenaltyCase): Promise<void> {
  pc.procedure = newProcedureState(pc);
  pc.state.procedure = pc.procedure;
  pc.context = await pc.acts.loadPenaltyContext({ caseId: pc.input.caseId, departmentId: pc.input.departmentId });
  pc.p.decisionDueDate = (await pc.kernel.caseActivities.computeDeadline(pc.decisionClock())).dueDate;
  await pc.acts.issuePenaltyDocument({
    idempotencyKey: `${workflowInfo().workflowId}:doc:filing`,
    kind: 'FILING_APPROVAL_FORM',
    caseId: pc.input.caseId,
    issuedBy: pc.state.history[pc.state.history.length - 1]?.by ?? null,
    data: {
      filedOn: pc.p.filedOn,
      handlers: pc.context.handlers.map((handler) => handler.credentialNo ?? handler.userId),
      source: pc.input.origin?.kind ?? 'MANUAL',
      approver: '负责人',
    },
  });

  let outcome: RoundOutcome | null = null;
  while (outcome === null) {
    pc.p.round++;
    outcome = await round(pc, pc.p.round);
  }
  if (outcome === 'DECIDE_PENALTY') await execute(pc);
  else if (outcome === 'NO_PENALTY') await serveDecision(pc);

  await pc.side.settled();
  const archive = await pc.board.run(PenaltySteps.CASE_ARCHIVE, {
    ...pc.where,
    step: 'archive',
    title: '结案审批与归档',
    deadline: null,
    eligible: (actor) =>
      pc.sameDepartment(actor) ? undefined : forbidden('the head of the case department archives it'),
  });
  // A challenge recorded while the archive step was open may have started a withdrawal: finish it first.
  await pc.side.settled();
  const saved = await pc.acts.archivePenaltyCase({ caseId: pc.input.caseId, actorId: archive.actor.userId });
  pc.p.archive = { archivedAt: saved.archivedAt, sha256: saved.sha256 };
  await pc.stage('ARCHIVED', archive.actor.userId, 'CASE_ARCHIVED', { sha256: saved.sha256 });
}

function newProcedureState(pc: PenaltyCase): PenaltyProcedureState {
  return {
    stage: 'FILED',
    filedOn: toLocalDate(new Date(pc.now())),
    decisionDueDate: null,
    decisionExtensions: [],
    round: 0,
    investigation: null,
    preservations: [],
    proposal: null,
    legalReview: { required: false, grounds: [], passed: false, rounds: [] },
    collectiveDiscussion: { required: false, outcome: null },
    notice: null,
    statements: [],
    waived: [],
    hearing: null,
    decision: null,
    service: null,
    payment: null,
    challenges: [],
    publication: null,
    enforcement: null,
    criminalTransfers: pc.transfers,
    archive: null,
  };
}

/** One pass from investigation to decision; null = returned for more investigation. */
async function round(pc: PenaltyCase, n: number): Promise<RoundOutcome | null> {
  const p = pc.p;
  p.notice = null;
  p.hearing = null;
  p.statements = [];
  p.waived = [];
  p.legalReview = { required: false, grounds: [], passed: false, rounds: p.legalReview.rounds };
  p.collectiveDiscussion = { required: false, outcome: null };

  await investigate(pc, n);
  const proposal = await propose(pc, n);
  const proposed = p.proposal!;
  const reviewGrounds = (hearingHeld: boolean) =>
    legalReviewGrounds({
      involvesMajorPublicInterest: !!proposed.involvesMajorPublicInterest,
      affectsMajorRightsOfPartyOrThirdParty: !!proposed.affectsMajorRights,
      hearingHeld,
      complexWithMultipleLegalRelationships: !!proposed.multipleLegalRelationships,
      requiredByOtherRule: !!proposed.requiredByOtherRule,
    });
  const grounds = reviewGrounds(false);
  p.legalReview.catalogue = matchedCatalogue(pc);
  p.legalReview.required =
    (grounds.length > 0 || !!p.legalReview.catalogue?.matched.length) && proposal.outcome !== 'PROPOSE_WITHDRAWAL';
  p.legalReview.grounds = grounds;
  p.collectiveDiscussion.required = !!(proposed.complex || proposed.serious);

  // 法制审核 before the notice where a ground already applies (Art.58).
  if (p.legalReview.required && !(await legalReview(pc, n, false))) return null;

  if (proposal.outcome === 'PROPOSE_PENALTY') {
    await notify(pc, n);
    await partyWindow(pc);
    // Read again: a message may have set it while the party window was open.
    if (currentHearing(pc)) {
      await runHearing(pc, n);
      // Art.58(1)(2): major rights + a hearing held → 法制审核 (again) on the hearing record.
      const after = reviewGrounds(currentHearing(pc)?.outcome === 'HELD');
      if (after.includes('MAJOR_RIGHTS_AFTER_HEARING')) {
        p.legalReview = { ...p.legalReview, required: true, grounds: after, passed: false };
        if (!(await legalReview(pc, n, true))) return null;
      }
    }
  }

  if (p.collectiveDiscussion.required && !(await collectiveDiscussion(pc, n))) return null;
  return decide(pc, n);
}

/**
 * The lines of the department's 法制审核目录 the proposal matches (行政处罚法 Art.58(1)(4) and the catalogue each
 * agency publishes); null on runs from before the catalogue (no catalogue was loaded).
 */
function matchedCatalogue(pc: PenaltyCase): PenaltyProcedureState['legalReview']['catalogue'] {
  const catalogue = pc.reviewCatalogue;
  const proposed = pc.p.proposal!;
  if (!catalogue) return null;
  const matched = matchCatalogue(catalogue.entries, {
    partyType: proposed.partyType ?? pc.context.party.type,
    measures: proposed.measures ?? [],
    fineYuan: proposed.fineYuan,
    confiscationYuan: proposed.confiscationYuan,
    involvesMajorPublicInterest: !!proposed.involvesMajorPublicInterest,
    multipleLegalRelationships: !!proposed.multipleLegalRelationships,
    flaggedEntryIds: proposed.legalReviewCatalogueEntries ?? [],
  });
  return {
    isDefault: catalogue.isDefault,
    matched: matched.map((entry) => ({ id: entry.id, kind: entry.kind, title: entry.title })),
  };
}

const currentHearing = (pc: PenaltyCase): PenaltyProcedureState['hearing'] => pc.p.hearing;
