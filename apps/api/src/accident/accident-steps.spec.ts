import { AccidentSteps as AccidentStepContracts } from '@safety/temporal/steps/accident.steps';
import type { TaskGateway } from '../tasks/task.gateway';
import { InvalidInputError } from '../validation/invalid-input';
import { AccidentSteps } from './accident-steps';

describe('AccidentSteps.payloadOf', () => {
  const steps = new AccidentSteps({} as TaskGateway);

  /** A request body as the validation pipe hands it over: every declared field, the absent ones undefined. */
  class ApprovalBody {
    comment?: string = undefined;
    reason?: string = undefined;
    transferTeamIds?: string[] = undefined;
  }

  it('ignores declared fields the client did not send', () => {
    const body = Object.assign(new ApprovalBody(), { comment: '同意' });
    expect(steps.payloadOf(AccidentStepContracts.REPORT_APPROVAL, 'APPROVE', body)).toEqual({ comment: '同意' });
  });

  it('still refuses a field the outcome does not take when the client sent it', () => {
    const body = Object.assign(new ApprovalBody(), { reason: '退回' });
    let refusal: unknown;
    try {
      steps.payloadOf(AccidentStepContracts.REPORT_APPROVAL, 'APPROVE', body);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(InvalidInputError);
    expect((refusal as InvalidInputError).issues.map((issue) => issue.code)).toEqual(['unrecognized_keys']);
    expect(JSON.stringify((refusal as InvalidInputError).issues)).toContain('reason');
  });
});
