import { linkedCaseOutcome, referralOutcome } from './accountability';
import { DomainError, ErrorCode } from '../errors';
import { chooseInvestigatingDepartment, DepartmentNode } from './jurisdiction';
import { DEFAULT_ACCIDENT_POLICY, resolveAccidentPolicy, sectorClassOf } from './policy';
import { missingTeamRoles, partyProblems, toReportProposal } from './proposals';

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
      referralApprovalWorkingDays: 5,
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

describe('missingTeamRoles (条例 Art.22)', () => {
  it('names each required role no member holds', () => {
    const members = [{ teamRole: 'POLICE' }, { teamRole: 'EXPERT' }];
    expect(missingTeamRoles(members, DEFAULT_ACCIDENT_POLICY.teamRequiredRoles)).toEqual(['DISCIPLINE', 'TRADE_UNION']);
    expect(
      missingTeamRoles([...members, { teamRole: 'DISCIPLINE' }, { teamRole: 'TRADE_UNION' }], ['DISCIPLINE']),
    ).toEqual([]);
  });
});

describe('partyProblems (条例 Art.32)', () => {
  it('sends officials only to the discipline body, with their unit, and needs an enterprise for a penalty', () => {
    expect(
      partyProblems({ kind: 'PUBLIC_OFFICIAL', proposedHandling: 'ADMINISTRATIVE_PENALTY', organisation: null }),
    ).toEqual([
      { field: 'proposedHandling', message: 'must be one of DISCIPLINE_REFERRAL for PUBLIC_OFFICIAL' },
      { field: 'organisation', message: "is required for a public official (the official's unit)" },
    ]);
    expect(partyProblems({ kind: 'ENTERPRISE_STAFF', proposedHandling: 'ADMINISTRATIVE_PENALTY' })).toEqual([
      { field: 'enterpriseId', message: 'is required for an administrative penalty' },
    ]);
    expect(partyProblems({ kind: 'ENTERPRISE', proposedHandling: 'DISCIPLINE_REFERRAL', enterpriseId: U(1) })).toEqual([
      {
        field: 'proposedHandling',
        message: 'must be one of ADMINISTRATIVE_PENALTY, CRIMINAL_TRANSFER, NO_FURTHER_ACTION for ENTERPRISE',
      },
    ]);
    expect(
      partyProblems({ kind: 'ENTERPRISE', proposedHandling: 'ADMINISTRATIVE_PENALTY', enterpriseId: U(1) }),
    ).toEqual([]);
  });
});

describe('toReportProposal', () => {
  it('stores absent optional fields as null', () => {
    const stored = toReportProposal({
      directCauses: '违章动火',
      indirectCauses: '安全管理缺失',
      educationMeasures: '警示教育',
      responsibleParties: [
        {
          kind: 'PUBLIC_OFFICIAL',
          name: '李四',
          organisation: '某县应急局',
          responsibility: '监管不力',
          proposedHandling: 'DISCIPLINE_REFERRAL',
        },
      ],
      rectificationMeasures: [{ description: '整改', owner: '某公司', dueDate: '2026-12-31' }],
    });
    expect(stored).toMatchObject({ summary: null, findsNoResponsibleParty: false });
    expect(stored.responsibleParties[0]).toEqual({
      kind: 'PUBLIC_OFFICIAL',
      name: '李四',
      enterpriseId: null,
      organisation: '某县应急局',
      position: null,
      idNumber: null,
      responsibility: '监管不力',
      proposedHandling: 'DISCIPLINE_REFERRAL',
      handlingDetail: null,
    });
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
