import { missingNotifications, NOTIFIED_BODIES } from './report-notifications';
import { nationalRecipient, nationalReporter, upwardReportReaches } from './upward-reporting';

describe('条例 Art.10(1): the State Council level and the notified bodies', () => {
  it('only 重大 and 特别重大 reach the State Council', () => {
    expect(upwardReportReaches('GENERAL', 'STATE_COUNCIL')).toBe(false);
    expect(upwardReportReaches('LARGER', 'STATE_COUNCIL')).toBe(false);
    expect(upwardReportReaches('MAJOR', 'STATE_COUNCIL')).toBe(true);
    expect(upwardReportReaches('EXTRAORDINARY', 'STATE_COUNCIL')).toBe(true);
  });
  it('the province reports to the State Council; a chain ending lower does not', () => {
    const province = { id: 'p', level: 'PROVINCE' as const, kind: 'EMERGENCY_MANAGEMENT' };
    expect(nationalReporter(province)).toBe(province);
    expect(nationalReporter({ ...province, level: 'CITY' })).toBeNull();
    expect(nationalReporter(undefined)).toBeNull();
  });
  it('names the national body by the chain kind, with the generic body for others', () => {
    expect(nationalRecipient('EMERGENCY_MANAGEMENT')).toBe('国务院应急管理部门（应急管理部）');
    expect(nationalRecipient('HOUSING_CONSTRUCTION')).toContain('住房和城乡建设部');
    expect(nationalRecipient('WATER')).toBe('国务院负有安全生产监督管理职责的有关部门');
  });
  it('lists the bodies not yet notified in the statute order', () => {
    expect(missingNotifications([])).toEqual([...NOTIFIED_BODIES]);
    expect(missingNotifications(['TRADE_UNION', 'POLICE'])).toEqual([
      'HUMAN_RESOURCES_SOCIAL_SECURITY',
      'PROCURATORATE',
    ]);
    expect(missingNotifications(NOTIFIED_BODIES)).toEqual([]);
  });
});
