import { DomainError, ErrorCode } from '../errors';
import type { InspectionFinding, OfficerConfirmation } from './record';

/**
 * 联合检查 (several departments inspect together, each finding handled by the department competent for
 * it) and 交叉检查 (another region's officers inspect the host's enterprises, under the host's
 * jurisdiction). The host is always the department that enforces the enterprise and owns the case.
 */
export type JointMode = 'JOINT' | 'CROSS';

export interface JointInspection {
  mode: JointMode;
  /** JOINT: the partner departments; CROSS: the one visiting department whose officers inspect. */
  partnerDepartmentIds: string[];
}

export interface TeamMember {
  userId: string;
  departmentId?: string;
}

const broken = (message: string, details?: Record<string, unknown>): never => {
  throw new DomainError(ErrorCode.RULE_VIOLATION, message, details);
};

/** JOINT: ≥ 1 partner, none twice, not the host; CROSS: exactly one visiting department, not the host. */
export function assertJointDepartments(hostDepartmentId: string, joint: JointInspection): void {
  const partners = joint.partnerDepartmentIds;
  if (!partners.length) broken('a joint or cross inspection names its partner (visiting) departments');
  if (partners.includes(hostDepartmentId)) broken('the host department cannot also be a partner');
  if (new Set(partners).size !== partners.length) broken('a partner department is listed twice');
  if (joint.mode === 'CROSS' && partners.length !== 1)
    broken('a cross inspection names exactly one visiting department');
}

/**
 * Who may be on the team. Every member belongs to the host or a partner (visiting) department.
 * JOINT: ≥ 2 of the host's own officers, since the record is the host's 现场检查记录 (安全生产法 Art.68;
 * 行政处罚法 Art.42: at least two officers), and every partner has an officer on the team.
 * CROSS: ≥ 2 visiting officers (they inspect; host officers may accompany them).
 */
export function assertJointTeam(hostDepartmentId: string, joint: JointInspection, team: readonly TeamMember[]): void {
  assertJointDepartments(hostDepartmentId, joint);
  const partners = joint.partnerDepartmentIds;
  for (const member of team) {
    const dept = member.departmentId ?? hostDepartmentId;
    if (dept !== hostDepartmentId && !partners.includes(dept)) {
      broken(`officer ${member.userId} is not in the host or a partner department`, { officerId: member.userId });
    }
  }
  const of = (dept: string) => team.filter((member) => (member.departmentId ?? hostDepartmentId) === dept).length;
  if (joint.mode === 'JOINT') {
    if (of(hostDepartmentId) < 2)
      broken('a joint inspection needs at least two officers of the host department (安全生产法 Art.68)');
    for (const dept of partners) {
      if (of(dept) < 1) broken(`partner department ${dept} has no officer on the team`, { departmentId: dept });
    }
  } else if (of(partners[0]) < 2) {
    broken('a cross inspection needs at least two officers of the visiting department (行政处罚法 Art.42)');
  }
}

/** The department competent for a finding: its own, or the host's. */
export const competentDepartment = (finding: InspectionFinding, hostDepartmentId: string): string =>
  finding.competentDepartmentId ?? hostDepartmentId;

/**
 * The record's joint rules beyond its shape: each finding is attributed to the host or a partner
 * (in a cross inspection every finding is the host's: the enterprise stays in its jurisdiction); a
 * joint record is signed by at least two of the host's officers (安全生产法 Art.68).
 */
export function assertJointRecord(
  hostDepartmentId: string,
  joint: JointInspection | undefined,
  findings: readonly InspectionFinding[],
  confirmations: readonly OfficerConfirmation[],
  team: readonly TeamMember[],
  outcome?: string,
): void {
  const competent = joint?.mode === 'JOINT' ? [hostDepartmentId, ...joint.partnerDepartmentIds] : [hostDepartmentId];
  for (const [index, finding] of findings.entries()) {
    const dept = competentDepartment(finding, hostDepartmentId);
    if (!competent.includes(dept)) {
      broken(
        `finding ${index + 1} is attributed to a department that is not the host or a partner of this inspection`,
        {
          finding: index,
          competentDepartmentId: dept,
        },
      );
    }
  }
  if (joint?.mode !== 'JOINT') return;
  if (
    outcome === 'PROPOSE_PENALTY' &&
    findings.some((finding) => competentDepartment(finding, hostDepartmentId) !== hostDepartmentId)
  ) {
    // A penalty case is opened by the department competent for the violation (行政处罚法 Art.22–23).
    broken("a penalty proposal covers the host's findings; a partner's findings are ordered rectified (RECTIFY)");
  }
  const hostSigners = confirmations.filter((signed) => {
    const member = team.find((officer) => officer.userId === signed.officerId);
    return (member?.departmentId ?? hostDepartmentId) === hostDepartmentId;
  });
  if (hostSigners.length < 2)
    broken('a joint record is signed by at least two officers of the host department (安全生产法 Art.68)');
}

/** The findings by competent department, the host's first, then the partners' in the order given. */
export function findingsByDepartment(
  hostDepartmentId: string,
  joint: JointInspection,
  findings: readonly InspectionFinding[],
): Array<{ departmentId: string; findings: InspectionFinding[] }> {
  return [hostDepartmentId, ...joint.partnerDepartmentIds]
    .map((departmentId) => ({
      departmentId,
      findings: findings.filter((finding) => competentDepartment(finding, hostDepartmentId) === departmentId),
    }))
    .filter((share) => share.findings.length > 0);
}
