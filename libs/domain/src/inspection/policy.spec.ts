import {
  criminalTransferPolicy,
  DEFAULT_CRIMINAL_TRANSFER_POLICY,
  inspectionPolicy,
  simplePenaltyPolicy,
} from './policy';

describe('inspection, transfer and simple-procedure policies', () => {
  it('has the statutory and UNVERIFIED defaults', () => {
    expect(inspectionPolicy()).toMatchObject({
      reinspectionWorkingDays: 10,
      supervisedListingDays: 60,
      seizureMaxDays: 30,
      seizureExtensionMaxDays: 30,
    });
    expect(DEFAULT_CRIMINAL_TRANSFER_POLICY).toMatchObject({
      dayUnit: 'calendar_days',
      headDecisionDays: 3,
      handoverHours: 24,
    });
    expect(simplePenaltyPolicy()).toMatchObject({ cashOnSpotMaxYuan: 100, cashHandInWorkingDays: 2 });
  });

  it('refuses values beyond what the statutes allow', () => {
    expect(() => inspectionPolicy({ seizureMaxDays: 31 })).toThrow(/seizureMaxDays/);
    expect(() => criminalTransferPolicy({ handoverHours: 48 })).toThrow(/handoverHours/);
    expect(() => criminalTransferPolicy({ dayUnit: 'weeks' as never })).toThrow(/dayUnit/);
    expect(() => simplePenaltyPolicy({ cashOnSpotMaxYuan: 200 })).toThrow(/cashOnSpotMaxYuan/);
    expect(() => simplePenaltyPolicy({ cashHandInWorkingDays: 3 })).toThrow(/cashHandInWorkingDays/);
    expect(criminalTransferPolicy({ dayUnit: 'working_days' }).dayUnit).toBe('working_days');
  });
});
