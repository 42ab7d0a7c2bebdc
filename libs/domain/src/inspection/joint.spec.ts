import { DomainError, ErrorCode } from '../errors';
import {
  assertJointDepartments,
  assertJointRecord,
  assertJointTeam,
  findingsByDepartment,
  JointInspection,
} from './joint';
import type { InspectionFinding } from './record';

const HOST = 'host';
const joint: JointInspection = { mode: 'JOINT', partnerDepartmentIds: ['housing', 'market'] };
const cross: JointInspection = { mode: 'CROSS', partnerDepartmentIds: ['neighbour'] };
const member = (userId: string, departmentId: string) => ({ userId, departmentId });
const finding = (description: string, competentDepartmentId?: string): InspectionFinding => ({
  description,
  hazardLevel: 'GENERAL',
  legalBasis: '《安全生产法》第四十一条',
  evidenceAttachmentIds: [],
  violationCodes: [],
  ...(competentDepartmentId ? { competentDepartmentId } : {}),
});
const signed = (...ids: string[]) => ids.map((officerId) => ({ officerId, credentialNo: `C-${officerId}` }));
const broken = (run: () => void, message: RegExp) => {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe(ErrorCode.RULE_VIOLATION);
    expect((e as DomainError).message).toMatch(message);
    return;
  }
  throw new Error('expected a rule violation');
};

describe('joint and cross inspections', () => {
  const team = [member('a', HOST), member('b', HOST), member('h', 'housing'), member('m', 'market')];

  it('names its departments: partners, none twice, never the host; a cross inspection one visitor', () => {
    expect(() => assertJointDepartments(HOST, joint)).not.toThrow();
    broken(() => assertJointDepartments(HOST, { mode: 'JOINT', partnerDepartmentIds: [] }), /names its partner/);
    broken(() => assertJointDepartments(HOST, { mode: 'JOINT', partnerDepartmentIds: [HOST] }), /cannot also be/);
    broken(() => assertJointDepartments(HOST, { mode: 'JOINT', partnerDepartmentIds: ['x', 'x'] }), /twice/);
    broken(() => assertJointDepartments(HOST, { mode: 'CROSS', partnerDepartmentIds: ['x', 'y'] }), /exactly one/);
  });

  it('a joint team: members of the host or a partner, two of the host, one of each partner', () => {
    expect(() => assertJointTeam(HOST, joint, team)).not.toThrow();
    broken(() => assertJointTeam(HOST, joint, [...team, member('x', 'elsewhere')]), /officer x is not in the host/);
    broken(() => assertJointTeam(HOST, joint, team.slice(1)), /two officers of the host/);
    broken(() => assertJointTeam(HOST, joint, team.slice(0, 3)), /partner department market has no officer/);
  });

  it('a cross team: two visiting officers; host officers may accompany them', () => {
    expect(() => assertJointTeam(HOST, cross, [member('n1', 'neighbour'), member('n2', 'neighbour')])).not.toThrow();
    expect(() =>
      assertJointTeam(HOST, cross, [member('n1', 'neighbour'), member('n2', 'neighbour'), member('a', HOST)]),
    ).not.toThrow();
    broken(
      () => assertJointTeam(HOST, cross, [member('n1', 'neighbour'), member('a', HOST)]),
      /two officers of the visiting/,
    );
  });

  it('attributes each finding to the host or a partner; the host signs a joint record twice', () => {
    const findings = [finding('host'), finding('housing', 'housing')];
    expect(() => assertJointRecord(HOST, joint, findings, signed('a', 'b', 'h'), team, 'RECTIFY')).not.toThrow();
    broken(
      () => assertJointRecord(HOST, joint, [finding('x', 'elsewhere')], signed('a', 'b'), team, 'RECTIFY'),
      /finding 1 is attributed to a department that is not/,
    );
    broken(
      () => assertJointRecord(HOST, joint, findings, signed('a', 'h'), team, 'RECTIFY'),
      /two officers of the host/,
    );
    broken(
      () => assertJointRecord(HOST, joint, findings, signed('a', 'b'), team, 'PROPOSE_PENALTY'),
      /penalty proposal covers the host/,
    );
  });

  it("a cross inspection's and a single inspection's findings are all the host's", () => {
    const visitors = [member('n1', 'neighbour'), member('n2', 'neighbour')];
    expect(() => assertJointRecord(HOST, cross, [finding('f')], signed('n1', 'n2'), visitors)).not.toThrow();
    broken(
      () => assertJointRecord(HOST, cross, [finding('f', 'neighbour')], signed('n1', 'n2'), visitors),
      /finding 1/,
    );
    expect(() => assertJointRecord(HOST, undefined, [finding('f', HOST)], signed('a', 'b'), team)).not.toThrow();
    broken(() => assertJointRecord(HOST, undefined, [finding('f', 'housing')], signed('a', 'b'), team), /finding 1/);
  });

  it("splits the findings by department, the host's first, departments without findings left out", () => {
    const shares = findingsByDepartment(HOST, joint, [
      finding('h1', 'housing'),
      finding('own'),
      finding('h2', 'housing'),
    ]);
    expect(shares.map((share) => [share.departmentId, share.findings.map((f) => f.description)])).toEqual([
      [HOST, ['own']],
      ['housing', ['h1', 'h2']],
    ]);
  });
});
