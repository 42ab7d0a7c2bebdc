import { STEP_CATALOGUE, stepDefinition } from './catalogue';
import { JsonSchema, outcomePayloadSchema } from './json-schema';
import { checkSubmission, issuePath } from './validation';
import { PenaltySteps } from './penalty.steps';
import { ALL_ROLES } from '@safety/domain/identity/roles';

/** Every property of an object schema, at any depth, with its path. */
function properties(schema: JsonSchema, path = ''): Array<{ path: string; schema: JsonSchema }> {
  const found: Array<{ path: string; schema: JsonSchema }> = [];
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const [key, child] of Object.entries(props)) {
    found.push({ path: `${path}${key}`, schema: child });
    found.push(...properties(child, `${path}${key}.`));
    const items = child.items as JsonSchema | undefined;
    if (items?.type === 'object') found.push(...properties(items, `${path}${key}[].`));
  }
  return found;
}

describe('step catalogue', () => {
  it.each(STEP_CATALOGUE.map((step) => [step.type, step] as const))('%s is complete and publishable', (_type, step) => {
    expect(step.title.zh).toMatch(/\S/);
    expect(step.title.en).toMatch(/\S/);
    expect(step.roles.length).toBeGreaterThan(0);
    for (const role of step.roles) expect(ALL_ROLES).toContain(role);
    expect(Object.keys(step.outcomes).length).toBeGreaterThan(0);
    for (const [outcome, definition] of Object.entries(step.outcomes)) {
      expect(outcome).toMatch(/^[A-Z][A-Z_]*$/);
      expect(definition.label.zh).toMatch(/\S/);
      const schema = outcomePayloadSchema(step, outcome);
      expect(schema.type).toBe('object');
      expect(schema.additionalProperties).toBe(false);
      for (const property of properties(schema)) {
        expect({ path: property.path, title: property.schema.title }).toEqual({
          path: property.path,
          title: expect.stringMatching(/\S/),
        });
        expect(property.schema['x-title-en']).toEqual(expect.stringMatching(/\S/));
      }
    }
  });

  it('publishes every department id of a payload with x-widget: department, so a client offers the picker', () => {
    const departmentFields = STEP_CATALOGUE.flatMap((step) =>
      Object.keys(step.outcomes).flatMap((outcome) =>
        properties(outcomePayloadSchema(step, outcome))
          .filter((property) => /(^|\.|\[\]\.)(\w*[dD])epartmentId$/.test(property.path))
          .map((property) => ({ at: `${step.type}.${outcome}.${property.path}`, widget: property.schema['x-widget'] })),
      ),
    );
    expect(departmentFields.map((field) => field.at)).toEqual(
      expect.arrayContaining(['COMPLAINT_ACCEPTANCE.TRANSFER.departmentId']),
    );
    for (const field of departmentFields) expect(field).toEqual({ at: field.at, widget: 'department' });
  });

  it('finds a step by its type code and nothing else', () => {
    expect(stepDefinition('INVESTIGATION')).toBe(PenaltySteps.INVESTIGATION);
    expect(stepDefinition('NO_SUCH_STEP')).toBeUndefined();
    expect(stepDefinition('toString')).toBeUndefined();
  });

  it('publishes required fields, lengths, formats and labelled enums', () => {
    const schema = outcomePayloadSchema(PenaltySteps.INVESTIGATION, 'SUBMIT');
    expect(schema.required).toEqual(['findings', 'evidence']);
    const evidence = (schema.properties as Record<string, JsonSchema>).evidence;
    expect(evidence).toMatchObject({ type: 'array', minItems: 1, maxItems: 200, title: '证据' });
    const item = evidence.items as JsonSchema;
    expect(item.required).toEqual(['kind', 'description', 'officers']);
    const kind = (item.properties as Record<string, JsonSchema>).kind;
    expect(kind.enum).toContain('INQUIRY_RECORD');
    expect(kind.oneOf).toContainEqual({ const: 'INQUIRY_RECORD', title: '询问笔录', 'x-title-en': 'Inquiry record' });
    const officers = (item.properties as Record<string, JsonSchema>).officers;
    expect(officers).toMatchObject({ minItems: 2 });
    const service = outcomePayloadSchema(PenaltySteps.DECISION_SERVICE, 'SERVED');
    expect((service.properties as Record<string, JsonSchema>).servedAt).toMatchObject({ format: 'date-time' });
  });
});

describe('checkSubmission', () => {
  it('reports every missing field of an empty investigation at once', () => {
    const result = checkSubmission(PenaltySteps.INVESTIGATION, 'SUBMIT', {});
    expect(result.ok).toBe(false);
    if (result.ok || result.unknownOutcome) throw new Error('expected payload issues');
    expect(result.issues.map((issue) => issuePath(issue.path)).sort()).toEqual(['evidence', 'findings']);
  });

  it('reports nested problems at their paths and rejects unknown fields', () => {
    const result = checkSubmission(PenaltySteps.INVESTIGATION, 'SUBMIT', {
      findings: '   ',
      evidence: [
        {
          kind: 'RUMOUR',
          description: '笔录',
          officers: [
            { officerId: '8f4b2a52-6c1e-4b7a-9d2e-1f3a5b7c9d0e', credentialNo: 'A1' },
            { officerId: '8f4b2a52-6c1e-4b7a-9d2e-1f3a5b7c9d0e', credentialNo: 'A1' },
          ],
          note: 'not a field',
        },
      ],
    });
    if (result.ok || result.unknownOutcome) throw new Error('expected payload issues');
    const paths = result.issues.map((issue) => issuePath(issue.path));
    expect(paths).toEqual(
      expect.arrayContaining(['findings', 'evidence.0.kind', 'evidence.0.officers.1.officerId', 'evidence.0']),
    );
    expect(result.issues.find((issue) => issue.code === 'unrecognized_keys')).toMatchObject({ keys: ['note'] });
  });

  it('rejects an outcome the step does not have, naming the allowed ones', () => {
    expect(checkSubmission(PenaltySteps.FILING_APPROVAL, 'MAYBE', {})).toEqual({
      ok: false,
      unknownOutcome: true,
      allowed: ['APPROVE', 'REJECT'],
    });
    expect(checkSubmission(PenaltySteps.FILING_APPROVAL, '__proto__', {})).toMatchObject({ unknownOutcome: true });
  });

  it('ties a proposed fine to its amount', () => {
    const base = { violationType: 'SPL-97-3', facts: '未培训', circumstance: 'ORDINARY' };
    const missing = checkSubmission(PenaltySteps.PENALTY_PROPOSAL, 'PROPOSE_PENALTY', { ...base, measures: ['FINE'] });
    if (missing.ok || missing.unknownOutcome) throw new Error('expected payload issues');
    expect(missing.issues.map((issue) => issuePath(issue.path))).toEqual(['fineYuan']);
    const stray = checkSubmission(PenaltySteps.PENALTY_PROPOSAL, 'PROPOSE_PENALTY', {
      ...base,
      measures: ['WARNING'],
      fineYuan: 100,
    });
    expect(stray.ok).toBe(false);
    expect(
      checkSubmission(PenaltySteps.PENALTY_PROPOSAL, 'PROPOSE_PENALTY', {
        ...base,
        measures: ['FINE'],
        fineYuan: 100.5,
      }).ok,
    ).toBe(true);
  });
});
