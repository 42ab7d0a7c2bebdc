import {
  AppraisalSchema,
  appraisalUpdate,
  CasualtyRevisionMessageSchema,
  CloseAccidentSchema,
  closeAccidentUpdate,
  ExtensionSchema,
  extendInvestigationUpdate,
  openReportingConsequencesUpdate,
  ReportingConsequencesSchema,
  reviseCasualtiesUpdate,
  SkipLevelReportSchema,
  skipLevelReportUpdate,
  SupervisedListingSchema,
  superviseListingUpdate,
} from '@safety/temporal/contracts/accident.contract';
import { contractProblem, messageBody } from '../../kernel/contract';
import { alreadyExists, firstProblem, forbidden, outOfOrder } from '../../kernel/problems';
import { type AccidentCase, HEAD } from '../case';
import { superviseListing } from '../listing';
import { receiptProblem, reviseCasualties, revisionProblem } from './casualties';
import { appraisalProblem, clockProblem, extendInvestigation, extensionProblem, recordAppraisal } from './clock';
import { closeCase, closeProblem } from './close';
import { consequencesProblem, openReportingConsequences } from '../violations';
import { skipLevelReport, skipLevelReportProblem } from '../skip-level';

/**
 * The accident case's messages besides task completions: each checked against its declared
 * contract and the case's state, and answered once the workflow has settled again.
 */
export function registerAccidentMessages(ac: AccidentCase): void {
  ac.kernel.update(
    appraisalUpdate,
    (input) => recordAppraisal(ac, input),
    (input) =>
      firstProblem(
        () => clockProblem(ac, input.actor),
        () => contractProblem(AppraisalSchema, messageBody(input, 'action')),
        () => appraisalProblem(ac, input),
      ),
  );
  ac.kernel.update(
    extendInvestigationUpdate,
    (input) => extendInvestigation(ac, input),
    (input) =>
      firstProblem(
        () => clockProblem(ac, input.actor),
        () => contractProblem(ExtensionSchema, messageBody(input)),
        () => extensionProblem(ac, input),
      ),
  );
  ac.kernel.update(
    reviseCasualtiesUpdate,
    (input) => reviseCasualties(ac, input),
    (input) =>
      firstProblem(
        () => revisionProblem(ac, input),
        () => contractProblem(CasualtyRevisionMessageSchema, messageBody(input)),
        () => receiptProblem(ac, input),
      ),
  );
  ac.kernel.update(
    superviseListingUpdate,
    (input) => superviseListing(ac, input),
    (input) =>
      firstProblem(
        // The API checks that the actor's department is above the investigating one (a higher 安委会).
        () =>
          input.actor.roles.includes(HEAD) && input.actor.departmentId !== ac.state.departmentId
            ? undefined
            : forbidden('supervised listing is ordered by a higher level'),
        () => contractProblem(SupervisedListingSchema, messageBody(input)),
        () => (ac.state.listing ? alreadyExists('the case is already under supervised listing') : undefined),
        () => (ac.state.status === 'CLOSED' ? outOfOrder('the case is closed') : undefined),
      ),
  );
  ac.kernel.update(
    openReportingConsequencesUpdate,
    (input) => openReportingConsequences(ac, input.flag, input.officials ?? [], input.actor.userId),
    (input) =>
      firstProblem(
        () => consequencesProblem(ac, input),
        () => contractProblem(ReportingConsequencesSchema, messageBody(input)),
      ),
  );
  ac.kernel.update(
    skipLevelReportUpdate,
    (input) => skipLevelReport(ac, input),
    (input) =>
      firstProblem(
        () => contractProblem(SkipLevelReportSchema, messageBody(input)),
        () => skipLevelReportProblem(ac, input),
      ),
  );
  ac.kernel.update(
    closeAccidentUpdate,
    (input) => closeCase(ac, input),
    (input) =>
      firstProblem(
        () => closeProblem(ac, input),
        () => contractProblem(CloseAccidentSchema, messageBody(input)),
      ),
  );
}
