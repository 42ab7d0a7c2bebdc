import { PARTY_KINDS, PROPOSED_HANDLINGS } from '@safety/domain/accident/proposals';
import { AccidentSteps } from './accident.steps';
import { DisciplineReferralSteps } from './discipline-referral.steps';
import { JsonSchema, outcomePayloadSchema } from './json-schema';
import { checkSubmission, issuePath } from './validation';
import type { StepDefinition } from './step-definition';

const U = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Paths of the problems of a submission that should fail. */
function problemPaths(step: StepDefinition, outcome: string, payload: unknown): string[] {
  const result = checkSubmission(step, outcome, payload);
  if (result.ok || result.unknownOutcome) throw new Error('expected payload issues');
  return result.issues.map((issue) =>
    issue.code === 'unrecognized_keys' ? issuePath([...issue.path, issue.keys[0]]) : issuePath(issue.path),
  );
}

describe('accident step contracts', () => {
  it('an upward report (条例 Art.10–11) is REPORTED with an optional note, in the inbox of officers and heads', () => {
    const step = AccidentSteps.UPWARD_REPORT;
    expect(step.roles).toEqual(['ENFORCEMENT_OFFICER', 'AGENCY_HEAD']);
    expect(step.outcomes.REPORTED.payload.safeParse({}).success).toBe(true);
    expect(step.outcomes.REPORTED.payload.safeParse({ note: '   ' }).success).toBe(false);
    expect(step.outcomes.REPORTED.payload.safeParse({ reportedAt: '2026-01-01T00:00:00Z' }).success).toBe(false);
  });
  it('a report to the State Council (条例 Art.10(1)) is REPORTED with when, how and to whom', () => {
    const step = AccidentSteps.NATIONAL_REPORT;
    const report = { reportedAt: '2026-01-01T08:00:00+08:00', means: 'PHONE', recipient: '应急管理部总值班室' };
    expect(checkSubmission(step, 'REPORTED', report)).toEqual({ ok: true, payload: report });
    expect(problemPaths(step, 'REPORTED', { means: 'PIGEON' }).sort()).toEqual(['means', 'recipient', 'reportedAt']);
  });
  it('the Art.10 notifications name each body once, with when and how', () => {
    const step = AccidentSteps.REPORT_NOTIFICATIONS;
    const police = { body: 'POLICE', notifiedAt: '2026-01-01T08:00:00+08:00', means: 'PHONE' };
    expect(checkSubmission(step, 'RECORDED', { notifications: [police] }).ok).toBe(true);
    expect(problemPaths(step, 'RECORDED', { notifications: [police, police] })).toEqual(['notifications.1.body']);
    expect(problemPaths(step, 'RECORDED', { notifications: [] })).toEqual(['notifications']);
    expect(problemPaths(step, 'RECORDED', { notifications: [{ ...police, body: 'ARMY' }] })).toEqual([
      'notifications.0.body',
    ]);
  });
  it('keeps the task type codes the accident and referral workflows have always opened', () => {
    expect(Object.values(AccidentSteps).map((step) => step.type)).toEqual([
      'ACCIDENT_TEAM_FORMATION',
      'ACCIDENT_MEMBER_FINDINGS',
      'ACCIDENT_INVESTIGATION_REPORT',
      'ACCIDENT_REPORT_APPROVAL',
      'ACCIDENT_ACCOUNTABILITY_OUTCOME',
      'ACCIDENT_RECTIFICATION_EVIDENCE',
      'ACCIDENT_RECTIFICATION_VERIFICATION',
      'ACCIDENT_ONE_YEAR_EVALUATION',
      'ACCIDENT_SUPERVISED_LISTING',
      'ACCIDENT_SUPERVISED_LISTING_PROGRESS',
      'ACCIDENT_UPWARD_REPORT',
      'ACCIDENT_SKIP_LEVEL_REPORT',
      'ACCIDENT_NATIONAL_REPORT',
      'ACCIDENT_REPORT_NOTIFICATIONS',
    ]);
    expect(Object.values(DisciplineReferralSteps).map((step) => step.type)).toEqual([
      'DISCIPLINE_REFERRAL_APPROVAL',
      'DISCIPLINE_REFERRAL_ACK',
      'DISCIPLINE_REFERRAL_RESULT',
    ]);
    expect(Object.keys(DisciplineReferralSteps.RESULT.outcomes)).toEqual([
      'SANCTIONED',
      'NO_VIOLATION_FOUND',
      'TRANSFERRED_FOR_PROSECUTION',
      'OTHER_HANDLING',
    ]);
  });

  describe('investigation team (条例 Art.22)', () => {
    const team = {
      leadId: U(1),
      members: [
        { userId: U(2), teamRole: 'DISCIPLINE' },
        { userId: U(3), teamRole: 'POLICE' },
        { userId: U(4), teamRole: 'TRADE_UNION' },
      ],
      procuratorateInvited: true,
    };
    it('accepts a complete team', () => {
      expect(checkSubmission(AccidentSteps.TEAM_FORMATION, 'FORM', team)).toEqual({ ok: true, payload: team });
    });
    it('rejects bad ids, the LEAD role and a missing invitation at once; then duplicates and the lead as a member', () => {
      expect(
        problemPaths(AccidentSteps.TEAM_FORMATION, 'FORM', {
          leadId: U(1),
          members: [
            { userId: 'x', teamRole: 'POLICE' },
            { userId: U(5), teamRole: 'LEAD' },
          ],
        }).sort(),
      ).toEqual(['members.0.userId', 'members.1.teamRole', 'procuratorateInvited']);
      // Rules across fields are checked once every field is well-formed.
      expect(
        problemPaths(AccidentSteps.TEAM_FORMATION, 'FORM', {
          ...team,
          members: [
            { userId: U(1), teamRole: 'POLICE' },
            { userId: U(5), teamRole: 'POLICE' },
            { userId: U(5), teamRole: 'EXPERT' },
          ],
        }).sort(),
      ).toEqual(['members.0.userId', 'members.2.userId']);
    });
    it('publishes the member roles with their labels and no LEAD', () => {
      const schema = outcomePayloadSchema(AccidentSteps.TEAM_FORMATION, 'FORM');
      const members = (schema.properties as Record<string, JsonSchema>).members;
      const role = ((members.items as JsonSchema).properties as Record<string, JsonSchema>).teamRole;
      expect(role.enum).toEqual(['MEMBER', 'DISCIPLINE', 'POLICE', 'TRADE_UNION', 'PROCURATORATE', 'EXPERT']);
      expect(role.oneOf).toContainEqual({ const: 'POLICE', title: '公安机关', 'x-title-en': 'Police' });
      expect(schema.required).toEqual(['leadId', 'members', 'procuratorateInvited']);
    });
    it("publishes the case policy's required roles on the task's form: members must contain one of each", () => {
      const schema = outcomePayloadSchema(AccidentSteps.TEAM_FORMATION, 'FORM');
      const refined = AccidentSteps.TEAM_FORMATION.taskSchema!('FORM', schema, {
        requiredTeamRoles: ['POLICE', 'TRADE_UNION'],
      });
      const members = (refined.properties as Record<string, JsonSchema>).members;
      expect(members.allOf).toEqual([
        { contains: { type: 'object', properties: { teamRole: { const: 'POLICE' } }, required: ['teamRole'] } },
        { contains: { type: 'object', properties: { teamRole: { const: 'TRADE_UNION' } }, required: ['teamRole'] } },
      ]);
      expect(members.description).toContain('POLICE、TRADE_UNION');
      expect(members.items).toEqual((schema.properties as Record<string, JsonSchema>).members.items);
      // A task whose workflow gave no roles keeps the step's schema.
      expect(AccidentSteps.TEAM_FORMATION.taskSchema!('FORM', schema, {})).toBe(schema);
    });
  });

  describe('investigation report (条例 Art.30)', () => {
    const report = {
      directCauses: '违章动火',
      indirectCauses: '安全管理缺失',
      educationMeasures: '全员警示教育',
      responsibleParties: [
        {
          kind: 'ENTERPRISE',
          name: '某化工公司',
          enterpriseId: U(9),
          responsibility: '主体责任',
          proposedHandling: 'ADMINISTRATIVE_PENALTY',
        },
        {
          kind: 'PUBLIC_OFFICIAL',
          name: '李四',
          organisation: '某县应急局',
          position: '科长',
          responsibility: '监管不力',
          proposedHandling: 'DISCIPLINE_REFERRAL',
        },
      ],
      rectificationMeasures: [{ description: '整改动火管理', owner: '某化工公司', dueDate: '2026-12-31' }],
    };
    it('accepts a complete report', () => {
      expect(checkSubmission(AccidentSteps.INVESTIGATION_REPORT, 'SUBMIT', report).ok).toBe(true);
    });
    it("publishes the party rules as conditionals that agree with the contract's own checks", () => {
      const schema = outcomePayloadSchema(AccidentSteps.INVESTIGATION_REPORT, 'SUBMIT');
      const party = ((schema.properties as Record<string, JsonSchema>).responsibleParties as JsonSchema)
        .items as JsonSchema;
      type Rule = { if: JsonSchema; then: JsonSchema };
      const rules = party.allOf as Rule[];
      const matches = (rule: Rule, candidate: Record<string, unknown>) =>
        Object.entries(rule.if.properties as Record<string, JsonSchema>).every(([name, condition]) =>
          condition.const !== undefined
            ? condition.const === candidate[name]
            : (condition.enum as unknown[]).includes(candidate[name]),
        );
      for (const kind of PARTY_KINDS) {
        for (const proposedHandling of PROPOSED_HANDLINGS) {
          const applying = rules.filter((rule) => matches(rule, { kind, proposedHandling }));
          const allowed = applying.every((rule) => {
            const narrowed = (rule.then.properties as Record<string, JsonSchema> | undefined)?.proposedHandling;
            return !narrowed || (narrowed.enum as unknown[]).includes(proposedHandling);
          });
          const requiredFields = applying.flatMap((rule) => (rule.then.required as string[] | undefined) ?? []);
          const bare = { kind, name: '某', responsibility: '责任', proposedHandling };
          const paths = (value: Record<string, unknown>) =>
            checkSubmission(AccidentSteps.INVESTIGATION_REPORT, 'SUBMIT', { ...report, responsibleParties: [value] }).ok
              ? []
              : problemPaths(AccidentSteps.INVESTIGATION_REPORT, 'SUBMIT', { ...report, responsibleParties: [value] });
          // With every conditional field present, the contract accepts exactly the published handlings.
          const complete = { ...bare, enterpriseId: U(9), organisation: '某单位' };
          expect({ kind, proposedHandling, refused: paths(complete).length > 0 }).toEqual({
            kind,
            proposedHandling,
            refused: !allowed,
          });
          // Where the handling fits, the contract asks for exactly the fields the conditionals require.
          if (allowed) {
            expect(
              paths(bare)
                .map((path) => path.replace('responsibleParties.0.', ''))
                .sort(),
            ).toEqual([...requiredFields].sort());
          }
        }
      }
    });
    it('names every missing field of an empty report at once', () => {
      expect(problemPaths(AccidentSteps.INVESTIGATION_REPORT, 'SUBMIT', {}).sort()).toEqual([
        'directCauses',
        'educationMeasures',
        'indirectCauses',
        'rectificationMeasures',
        'responsibleParties',
      ]);
    });
    it('sends officials only to the discipline body and needs an enterprise for a penalty, at the party field', () => {
      expect(
        problemPaths(AccidentSteps.INVESTIGATION_REPORT, 'SUBMIT', {
          ...report,
          responsibleParties: [
            {
              kind: 'PUBLIC_OFFICIAL',
              name: '李四',
              organisation: 'x',
              responsibility: 'y',
              proposedHandling: 'ADMINISTRATIVE_PENALTY',
            },
            { kind: 'ENTERPRISE_STAFF', name: '王五', responsibility: 'y', proposedHandling: 'ADMINISTRATIVE_PENALTY' },
            {
              kind: 'ENTERPRISE',
              name: '某公司',
              responsibility: 'y',
              proposedHandling: 'NO_FURTHER_ACTION',
              idNumber: '1',
            },
          ],
        }),
      ).toEqual([
        'responsibleParties.0.proposedHandling',
        'responsibleParties.1.enterpriseId',
        'responsibleParties.2.idNumber',
      ]);
    });
    it('needs parties or an explicit no-party finding, and real dates', () => {
      expect(problemPaths(AccidentSteps.INVESTIGATION_REPORT, 'SUBMIT', { ...report, responsibleParties: [] })).toEqual(
        ['responsibleParties'],
      );
      expect(
        checkSubmission(AccidentSteps.INVESTIGATION_REPORT, 'SUBMIT', {
          ...report,
          responsibleParties: [],
          findsNoResponsibleParty: true,
        }).ok,
      ).toBe(true);
      expect(
        problemPaths(AccidentSteps.INVESTIGATION_REPORT, 'SUBMIT', { ...report, findsNoResponsibleParty: true }),
      ).toEqual(['findsNoResponsibleParty']);
      expect(
        problemPaths(AccidentSteps.INVESTIGATION_REPORT, 'SUBMIT', {
          ...report,
          directCauses: ' ',
          rectificationMeasures: [{ description: 'x', owner: 'y', dueDate: '2026-02-30' }],
        }),
      ).toEqual(['directCauses', 'rectificationMeasures.0.dueDate']);
    });
  });

  it('needs a reason to return the report, and two distinct officers for a transfer team', () => {
    expect(problemPaths(AccidentSteps.REPORT_APPROVAL, 'RETURN', {})).toEqual(['reason']);
    expect(problemPaths(AccidentSteps.REPORT_APPROVAL, 'APPROVE', { transferTeamIds: [U(1), U(1)] })).toEqual([
      'transferTeamIds',
    ]);
    expect(problemPaths(AccidentSteps.REPORT_APPROVAL, 'APPROVE', { reason: '同意' })).toEqual(['reason']);
    expect(checkSubmission(AccidentSteps.REPORT_APPROVAL, 'APPROVE', {}).ok).toBe(true);
  });

  it('needs a comment to reject a rectification measure, and evidence of what was done', () => {
    expect(problemPaths(AccidentSteps.RECTIFICATION_VERIFICATION, 'REJECTED', {})).toEqual(['comment']);
    expect(checkSubmission(AccidentSteps.RECTIFICATION_VERIFICATION, 'VERIFIED', {}).ok).toBe(true);
    expect(problemPaths(AccidentSteps.RECTIFICATION_EVIDENCE, 'SUBMIT', { attachmentIds: ['x'] })).toEqual([
      'evidence',
      'attachmentIds.0',
    ]);
  });

  it('takes the evaluation team, findings and the numbers of slipped measures', () => {
    expect(problemPaths(AccidentSteps.ONE_YEAR_EVALUATION, 'COMPLETE', { slippedMeasureSeqs: [0] }).sort()).toEqual([
      'findings',
      'slippedMeasureSeqs.0',
      'teamIds',
    ]);
  });
});
