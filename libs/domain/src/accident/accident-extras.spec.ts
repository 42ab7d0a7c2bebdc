import { linkedCaseOutcome, referralOutcome } from './accountability';
import { DomainError, ErrorCode } from '../errors';
import { chooseInvestigatingDepartment, DepartmentNode } from './jurisdiction';
import { DEFAULT_ACCIDENT_POLICY, resolveAccidentPolicy, sectorClassOf } from './policy';
import { validateReportProposal, validateTeamProposal } from './proposals';

const U = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('chooseInvestigatingDepartment (条例 Art.19)', () => {
  const town: DepartmentNode = { id: 'town', level: 'TOWN', kind: 'TOWN_SAFETY_OFFICE' };
  const county: DepartmentNode = { id: 'county', level: 'COUNTY', kind: 'EMERGENCY_MANAGEMENT' };
  const countyOther: DepartmentNode = { id: 'county-gov', level: 'COUNTY', kind: 'GOVERNMENT' };
  const city: DepartmentNode = { id: 'city', level: 'CITY', kind: 'EMERGENCY_MANAGEMENT' };
  const province: DepartmentNode = { id: 'prov', level: 'PROVINCE', kind: 'EMERGENCY_MANAGEMENT' };

  it('keeps the case where the reporter is at the level', () => {
    expect(chooseInvestigatingDepartment([county, city], 'COUNTY')).toEqual({ department: county, exact: true });
  });
  it('keeps the case where the reporter is above the level (Art.20)', () => {
    expect(chooseInvestigatingDepartment([city, province], 'COUNTY')).toEqual({ department: city, exact: false });
  });
  it('moves up to the emergency-management ancestor at the level', () => {
    expect(chooseInvestigatingDepartment([town, countyOther, county, city], 'CITY')).toEqual({
      department: city,
      exact: true,
    });
    expect(chooseInvestigatingDepartment([town, countyOther, county, city], 'COUNTY')).toEqual({
      department: county,
      exact: true,
    });
  });
  it('skips a missing level to the next one above', () => {
    expect(chooseInvestigatingDepartment([county, province], 'CITY')).toEqual({ department: province, exact: false });
  });
  it('falls back to the highest department when the level is not modelled (State Council)', () => {
    expect(chooseInvestigatingDepartment([county, city, province], 'STATE_COUNCIL')).toEqual({
      department: province,
      exact: false,
    });
    expect(chooseInvestigatingDepartment([county], 'PROVINCE')).toEqual({ department: county, exact: false });
  });
});

describe('accident policy', () => {
  it('has the statutory and UNVERIFIED defaults', () => {
    expect(resolveAccidentPolicy()).toEqual(DEFAULT_ACCIDENT_POLICY);
    expect(DEFAULT_ACCIDENT_POLICY).toMatchObject({
      firstReportHours: 1,
      evaluationAfterMonths: 10,
      evaluationWithinMonths: 12,
      referralAckWorkingDays: 5,
      referralResultDays: 90,
      supervisedListingDays: 60,
    });
  });
  it('rejects nonsense overrides', () => {
    try {
      resolveAccidentPolicy({ evaluationAfterMonths: 13, referralAckWorkingDays: 0, teamRequiredRoles: ['ASTRONAUT'] });
      throw new Error('no error');
    } catch (e) {
      expect((e as DomainError).code).toBe(ErrorCode.OUT_OF_RANGE);
      expect((e as DomainError).details?.problems).toHaveLength(4);
    }
  });
  it('maps sectors onto the 条例 Art.13 classes', () => {
    expect(sectorClassOf('ROAD_TRANSPORT', DEFAULT_ACCIDENT_POLICY)).toBe('ROAD_TRAFFIC');
    expect(sectorClassOf('FIRE', DEFAULT_ACCIDENT_POLICY)).toBe('FIRE');
    expect(sectorClassOf('HAZARDOUS_CHEMICALS', DEFAULT_ACCIDENT_POLICY)).toBe('OTHER');
  });
});

describe('validateTeamProposal (条例 Art.22)', () => {
  const ok = {
    leadId: U(1),
    members: [
      { userId: U(2), teamRole: 'DISCIPLINE' },
      { userId: U(3), teamRole: 'POLICE' },
      { userId: U(4), teamRole: 'TRADE_UNION' },
    ],
    procuratorateInvited: true,
  };
  it('accepts a complete team', () => {
    expect(validateTeamProposal(ok, DEFAULT_ACCIDENT_POLICY.teamRequiredRoles)).toEqual({ problems: [], team: ok });
  });
  it('needs the discipline body, police and trade union', () => {
    const r = validateTeamProposal({ ...ok, members: [ok.members[1]] }, DEFAULT_ACCIDENT_POLICY.teamRequiredRoles);
    expect(r.team).toBeUndefined();
    expect(r.problems).toEqual([
      'the team needs a DISCIPLINE member (条例 Art.22)',
      'the team needs a TRADE_UNION member (条例 Art.22)',
    ]);
  });
  it('rejects duplicates, the lead as a member, bad roles and ids', () => {
    const r = validateTeamProposal(
      {
        leadId: U(1),
        members: [
          { userId: U(1), teamRole: 'POLICE' },
          { userId: 'x', teamRole: 'POLICE' },
          { userId: U(5), teamRole: 'LEAD' },
        ],
        procuratorateInvited: 'yes',
      },
      [],
    );
    expect(r.problems).toHaveLength(4);
  });
});

describe('validateReportProposal (条例 Art.30)', () => {
  const ok = {
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
  it('accepts a complete report and normalises optional fields', () => {
    const r = validateReportProposal(ok);
    expect(r.problems).toEqual([]);
    expect(r.report?.responsibleParties[1]).toMatchObject({
      kind: 'PUBLIC_OFFICIAL',
      enterpriseId: null,
      idNumber: null,
      position: '科长',
    });
    expect(r.report?.findsNoResponsibleParty).toBe(false);
  });
  it('sends officials only to the discipline body and needs an enterprise for a penalty', () => {
    const r = validateReportProposal({
      ...ok,
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
          proposedHandling: 'DISCIPLINE_REFERRAL',
          enterpriseId: U(1),
        },
      ],
    });
    expect(r.problems).toEqual([
      'responsibleParties[0].proposedHandling must be one of DISCIPLINE_REFERRAL for PUBLIC_OFFICIAL',
      'responsibleParties[1].enterpriseId is required for an administrative penalty',
      'responsibleParties[2].proposedHandling must be one of ADMINISTRATIVE_PENALTY, CRIMINAL_TRANSFER, NO_FURTHER_ACTION for ENTERPRISE',
    ]);
  });
  it('needs parties or an explicit no-party finding, causes, measures and education', () => {
    expect(validateReportProposal({ ...ok, responsibleParties: [] }).problems).toEqual([
      'name the responsible parties, or state findsNoResponsibleParty',
    ]);
    expect(validateReportProposal({ ...ok, responsibleParties: [], findsNoResponsibleParty: true }).problems).toEqual(
      [],
    );
    expect(validateReportProposal({ ...ok, findsNoResponsibleParty: true }).problems).toEqual([
      'findsNoResponsibleParty contradicts the named parties',
    ]);
    expect(
      validateReportProposal({ ...ok, directCauses: ' ', rectificationMeasures: [], educationMeasures: undefined })
        .problems,
    ).toEqual([
      'directCauses are required (直接原因)',
      'educationMeasures are required (教育措施)',
      'rectificationMeasures must list 1 to 100 measures (整改措施)',
    ]);
    expect(
      validateReportProposal({
        ...ok,
        rectificationMeasures: [{ description: 'x', owner: 'y', dueDate: '2026-02-30' }],
      }).problems,
    ).toEqual(['rectificationMeasures[0].dueDate must be a date (YYYY-MM-DD)']);
  });
});

describe('linkedCaseOutcome / referralOutcome (责任人员未处理不放过)', () => {
  it('counts a penalty once decided or ended without penalty', () => {
    expect(linkedCaseOutcome('PENALTY', 'FILED')).toBe('PENDING');
    expect(linkedCaseOutcome('PENALTY', 'LEGAL_REVIEW')).toBe('PENDING');
    expect(linkedCaseOutcome('PENALTY', 'DECIDED')).toBe('ADMINISTRATIVE_PENALTY_DECIDED');
    expect(linkedCaseOutcome('PENALTY', 'EXECUTED')).toBe('ADMINISTRATIVE_PENALTY_DECIDED');
    expect(linkedCaseOutcome('PENALTY', 'NOT_FILED')).toBe('NO_LIABILITY_FOUND');
    expect(linkedCaseOutcome('PENALTY', 'REVOKED')).toBe('PENDING');
  });
  it('counts a transfer once answered', () => {
    expect(linkedCaseOutcome('CRIMINAL_TRANSFER', 'TRANSFERRED')).toBe('PENDING');
    expect(linkedCaseOutcome('CRIMINAL_TRANSFER', 'POLICE_DECLINED')).toBe('PENDING');
    expect(linkedCaseOutcome('CRIMINAL_TRANSFER', 'POLICE_FILED')).toBe('TRANSFERRED_TO_JUDICIARY');
    expect(linkedCaseOutcome('CRIMINAL_TRANSFER', 'NOT_TRANSFERRED')).toBe('NO_LIABILITY_FOUND');
  });
  it('maps referral results', () => {
    expect(referralOutcome(null)).toBe('PENDING');
    expect(referralOutcome('SANCTIONED')).toBe('DISCIPLINARY_SANCTION_DECIDED');
    expect(referralOutcome('NO_VIOLATION_FOUND')).toBe('NO_LIABILITY_FOUND');
    expect(referralOutcome('TRANSFERRED_FOR_PROSECUTION')).toBe('TRANSFERRED_TO_JUDICIARY');
  });
});
