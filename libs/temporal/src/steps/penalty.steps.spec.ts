import { JsonSchema, outcomePayloadSchema } from './json-schema';
import { PenaltySteps } from './penalty.steps';

describe('penalty proposal contract: the 法制审核目录 lines (行政处罚法 Art.58)', () => {
  const field = (schema: JsonSchema) => (schema.properties as Record<string, JsonSchema>).legalReviewCatalogueEntries;

  it("lists the department's OTHER lines on the task's form as the only choices", () => {
    const schema = outcomePayloadSchema(PenaltySteps.PENALTY_PROPOSAL, 'PROPOSE_PENALTY');
    expect(field(schema)).toMatchObject({ type: 'array', title: '属于法制审核目录中的其他事项' });
    const refined = PenaltySteps.PENALTY_PROPOSAL.taskSchema!('PROPOSE_PENALTY', schema, {
      otherCatalogueEntries: [{ id: 'hazardous-chemicals', title: '涉及危险化学品重大危险源的案件' }],
    });
    expect(field(refined)).toMatchObject({
      maxItems: 1,
      items: {
        type: 'string',
        enum: ['hazardous-chemicals'],
        oneOf: [{ const: 'hazardous-chemicals', title: '涉及危险化学品重大危险源的案件' }],
      },
    });
    // No OTHER lines: nothing may be flagged. A task opened before the catalogue keeps the step's schema.
    const none = PenaltySteps.PENALTY_PROPOSAL.taskSchema!('PROPOSE_PENALTY', schema, { otherCatalogueEntries: [] });
    expect(field(none).maxItems).toBe(0);
    expect(PenaltySteps.PENALTY_PROPOSAL.taskSchema!('PROPOSE_PENALTY', schema, { benchmarkId: 'x' })).toBe(schema);
  });
});
