import { patched } from '@temporalio/workflow';
import { checkFineAgainstBenchmark } from '@safety/domain/enforcement/benchmark';
import type { TaskActor } from '@safety/temporal/contracts/human-task.contract';
import { PenaltySteps } from '@safety/temporal/steps/penalty.steps';
import type { Submission } from '@safety/temporal/steps/step-definition';
import type { Completion } from '../../kernel/task-board';
import { PATCH } from '../../kernel/patches';
import { domainRule, firstProblem, forbidden, invalid, Problem, ruleBroken } from '../../kernel/problems';
import type { PenaltyCase } from '../case';

type ProposalSubmission = Submission<typeof PenaltySteps.PENALTY_PROPOSAL> & { actor: TaskActor };

/** 案件调查终结 and the proposal, inside the discretion benchmark (裁量基准, 行政处罚法 Art.34). */
export async function propose(
  pc: PenaltyCase,
  round: number,
): Promise<Completion<typeof PenaltySteps.PENALTY_PROPOSAL>> {
  const done = await pc.board.run(PenaltySteps.PENALTY_PROPOSAL, {
    ...pc.where,
    step: `proposal-${round}`,
    title: '案件审查与处罚建议',
    ...pc.decisionPeriod(),
    enterStatus: pc.enterStage('PROPOSAL', null, 'PROPOSAL_OPENED', { round }),
    prepare: async () => {
      pc.benchmark = await pc.acts.loadDiscretionBenchmark({ departmentId: pc.input.departmentId, on: pc.today() });
      // 行政处罚法 Art.58: the 法制审核目录 in force when the proposal is made decides whether it needs review.
      if (patched(PATCH.PENALTY_LEGAL_REVIEW_CATALOGUE))
        pc.reviewCatalogue = await pc.acts.loadLegalReviewCatalogue({ departmentId: pc.input.departmentId });
    },
    context: () => ({
      benchmarkId: pc.benchmark?.id ?? null,
      ...(pc.reviewCatalogue ? { otherCatalogueEntries: otherEntries(pc) } : {}),
    }),
    eligible: (actor) =>
      pc.isHandler(actor.userId) ? undefined : forbidden('only an officer handling this case proposes its outcome'),
    check: (submission) => proposalProblem(pc, submission),
  });
  const payload = done.payload;
  const benchmark = pc.benchmark!;
  const entry = benchmark.entries.find((candidate) => candidate.violationType === payload.violationType)!;
  const measures = payload.measures ?? [];
  const circumstance = payload.circumstance ?? 'ORDINARY';
  pc.p.proposal = {
    violationType: payload.violationType,
    facts: payload.facts,
    circumstance,
    measures,
    partyType: payload.partyType ?? pc.context.party.type,
    fineYuan: measures.includes('FINE') ? payload.fineYuan : 0,
    confiscationYuan: payload.confiscationYuan,
    reasons: payload.reasons,
    complex: payload.complex === true,
    serious: payload.serious === true,
    involvesMajorPublicInterest: payload.involvesMajorPublicInterest === true,
    affectsMajorRights: payload.affectsMajorRights === true,
    multipleLegalRelationships: payload.multipleLegalRelationships === true,
    requiredByOtherRule: payload.requiredByOtherRule === true,
    legalReviewCatalogueEntries: payload.legalReviewCatalogueEntries ?? [],
    outcome: done.outcome,
    proposedBy: done.actor.userId,
    legalBasis: entry.legalBasis,
    benchmarkId: benchmark.id,
    range: entry.ranges[circumstance] ?? null,
  };
  await pc.event('PENALTY_PROPOSED', done.actor, {
    outcome: done.outcome,
    violationType: payload.violationType,
    circumstance,
    measures,
    fineYuan: pc.p.proposal.fineYuan,
    benchmarkId: benchmark.id,
  });
  return done;
}

/** The OTHER lines of the catalogue: the proposing officer names those that apply by hand. */
const otherEntries = (pc: PenaltyCase) =>
  (pc.reviewCatalogue?.entries ?? [])
    .filter((entry) => entry.kind === 'OTHER')
    .map((entry) => ({ id: entry.id, title: entry.title }));

function proposalProblem(pc: PenaltyCase, { outcome, payload }: ProposalSubmission): Problem | undefined {
  const benchmark = pc.benchmark;
  const unknownEntries = (payload.legalReviewCatalogueEntries ?? []).filter(
    (id) => !otherEntries(pc).some((entry) => entry.id === id),
  );
  return firstProblem(
    () =>
      unknownEntries.length
        ? invalid(`names entries that are not OTHER lines of the 法制审核目录: ${unknownEntries.join(', ')}`, {
            fields: [{ path: 'payload.legalReviewCatalogueEntries', message: 'not an OTHER entry of the catalogue' }],
          })
        : undefined,
    () => (benchmark ? undefined : ruleBroken('no discretion benchmark (裁量基准) is in force for this department')),
    () =>
      benchmark!.entries.some((entry) => entry.violationType === payload.violationType)
        ? undefined
        : ruleBroken(`violation type ${payload.violationType} is not in the discretion benchmark ${benchmark!.id}`),
    () =>
      outcome === 'PROPOSE_PENALTY' && payload.measures.includes('FINE')
        ? domainRule(() =>
            checkFineAgainstBenchmark(benchmark as never, {
              violationType: payload.violationType,
              circumstance: payload.circumstance ?? 'ORDINARY',
              fineYuan: payload.fineYuan!,
            }),
          )
        : undefined,
  );
}
