import type { UpdateDefinition } from '@temporalio/common';
import type { z } from 'zod';
import {
  ActorInput,
  ChallengeEndedSchema,
  ChallengeFiledSchema,
  CriminalTransferProposalSchema,
  DecisionExtensionSchema,
  designateHandlersUpdate,
  DesignateHandlersSchema,
  EvidencePreservationRequestSchema,
  extendDecisionDeadlineUpdate,
  HearingRequestSchema,
  PaymentSchema,
  PenaltyEventResult,
  proposeCriminalTransferUpdate,
  recordChallengeEndedUpdate,
  recordChallengeFiledUpdate,
  recordPaymentUpdate,
  recordStatementUpdate,
  recordWaiverUpdate,
  requestEvidencePreservationUpdate,
  requestHearingUpdate,
  StatementSchema,
  WaiverSchema,
} from '@safety/temporal/contracts/penalty-case.contract';
import { contractProblem, messageBody } from '../../kernel/contract';
import { firstProblem, forbidden, outOfOrder, Problem, separationOfDuties } from '../../kernel/problems';
import { HEAD, PenaltyCase } from '../case';
import { extendDecision, extensionProblem } from '../stages/decision';
import { preservationRequestProblem, requestPreservation } from '../stages/investigation';
import {
  hearingRequestProblem,
  recordStatement,
  recordWaiver,
  requestHearing,
  statementProblem,
  waiverProblem,
} from '../stages/notice';
import { proposeTransfer, transferProblem } from './criminal-transfer';
import {
  challengeEnded,
  challengeEndedProblem,
  challengeFiled,
  challengeFiledProblem,
  paymentProblem,
  recordPayment,
} from './payment';

/**
 * The penalty case's messages besides task completions: each checked against its declared
 * contract and the case's state, and answered once the workflow has settled again.
 */
export function registerPenaltyMessages(pc: PenaltyCase): void {
  const duringProcedure = <Input extends ActorInput>(
    definition: UpdateDefinition<PenaltyEventResult, [Input]>,
    schema: z.ZodType,
    problemOf: (input: Input) => Problem | undefined,
    handle: (input: Input) => Promise<PenaltyEventResult>,
    ...bodyOmits: Array<keyof Input>
  ) =>
    pc.kernel.update(definition, handle, (input) =>
      firstProblem(
        () => (pc.procedure ? undefined : outOfOrder('the case is not filed yet (立案 comes first)')),
        () => (pc.archived() ? outOfOrder('the case is archived') : undefined),
        () => contractProblem(schema, messageBody(input, ...bodyOmits)),
        () => problemOf(input),
      ),
    );

  duringProcedure(
    requestEvidencePreservationUpdate,
    EvidencePreservationRequestSchema,
    (input) => preservationRequestProblem(pc, input),
    (input) => requestPreservation(pc, input),
  );
  duringProcedure(
    recordStatementUpdate,
    StatementSchema,
    (input) => statementProblem(pc, input),
    (input) => recordStatement(pc, input),
  );
  duringProcedure(
    requestHearingUpdate,
    HearingRequestSchema,
    (input) => hearingRequestProblem(pc, input),
    (input) => requestHearing(pc, input),
  );
  duringProcedure(
    recordWaiverUpdate,
    WaiverSchema,
    (input) => waiverProblem(pc, input),
    (input) => recordWaiver(pc, input),
  );
  duringProcedure(
    extendDecisionDeadlineUpdate,
    DecisionExtensionSchema,
    (input) => extensionProblem(pc, input),
    (input) => extendDecision(pc, input),
  );
  duringProcedure(
    recordPaymentUpdate,
    PaymentSchema,
    (input) => paymentProblem(pc, input),
    (input) => recordPayment(pc, input),
  );
  duringProcedure(
    recordChallengeFiledUpdate,
    ChallengeFiledSchema,
    (input) => challengeFiledProblem(pc, input),
    (input) => challengeFiled(pc, input),
  );
  duringProcedure(
    recordChallengeEndedUpdate,
    ChallengeEndedSchema,
    (input) => challengeEndedProblem(pc, input),
    (input) => challengeEnded(pc, input),
    'seq',
  );

  // 行刑衔接 may be proposed at any step, even before 立案 (行政执法机关移送涉嫌犯罪案件的规定).
  pc.kernel.update(
    proposeCriminalTransferUpdate,
    (input) => proposeTransfer(pc, input),
    (input) =>
      firstProblem(
        () => contractProblem(CriminalTransferProposalSchema, messageBody(input)),
        () => transferProblem(pc, input),
      ),
  );

  // 承办人: the head may add handling officers at any open step (a case opened by an accident or an
  // inspection starts without them).
  pc.kernel.update(
    designateHandlersUpdate,
    async ({ actor, handlerIds, requestId }) => {
      const result = await pc.kernel.caseActivities.setCaseHandlers({
        caseId: pc.input.caseId,
        handlerIds,
        actorId: actor.userId,
        requestId,
      });
      pc.input.handlerIds.splice(0, pc.input.handlerIds.length, ...result.handlerIds);
      if (pc.procedure && pc.context) pc.context.handlers = result.handlers;
      return { handlerIds: result.handlerIds };
    },
    (input) =>
      firstProblem(
        () =>
          input.actor.roles.includes(HEAD) ? undefined : forbidden('only an agency head designates handling officers'),
        () => contractProblem(DesignateHandlersSchema, messageBody(input)),
        () =>
          input.handlerIds.includes(input.actor.userId)
            ? separationOfDuties('the approving head may not designate themselves as a handler')
            : undefined,
        () =>
          ['NOT_FILED', 'ARCHIVED'].includes(pc.state.status)
            ? outOfOrder(`the case is ${pc.state.status}`)
            : undefined,
      ),
  );
}
