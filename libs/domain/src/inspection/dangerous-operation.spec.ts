import { dangerousOperationGrounds, isDangerousOperationConduct } from './dangerous-operation';

describe('危险作业罪 (刑法 Art.134之一) review prompt', () => {
  it('finds each of the three conducts in coded findings', () => {
    const g = dangerousOperationGrounds([
      { violationCodes: ['OTHER'] },
      { violationCodes: ['MONITORING_EQUIPMENT_DISABLED', 'MONITORING_DATA_FALSIFIED'] },
      { violationCodes: ['UNLICENSED_HIGH_RISK_OPERATION'] },
      { violationCodes: ['REFUSED_MAJOR_HAZARD_ORDER', 'REFUSED_MAJOR_HAZARD_ORDER'] },
    ]);
    expect(g.map((x) => [x.conduct, x.findingIndex])).toEqual([
      ['MONITORING_EQUIPMENT_DISABLED', 1],
      ['MONITORING_DATA_FALSIFIED', 1],
      ['UNLICENSED_HIGH_RISK_OPERATION', 2],
      ['REFUSED_MAJOR_HAZARD_ORDER', 3],
    ]);
  });

  it('prompts nothing for ordinary findings', () => {
    expect(dangerousOperationGrounds([{ violationCodes: [] }, {}, { violationCodes: ['NO_TRAINING'] }])).toEqual([]);
  });

  it('turns work continued under a 重大事故隐患 stop order into a ground (once)', () => {
    expect(dangerousOperationGrounds([], { refusedStopOrderUnderMajorHazard: true }).map((x) => x.conduct)).toEqual([
      'REFUSED_MAJOR_HAZARD_ORDER',
    ]);
    expect(
      dangerousOperationGrounds([{ violationCodes: ['REFUSED_MAJOR_HAZARD_ORDER'] }], {
        refusedStopOrderUnderMajorHazard: true,
      }),
    ).toHaveLength(1);
  });

  it('does not treat inherited object keys as conducts', () => {
    expect(isDangerousOperationConduct('toString')).toBe(false);
    expect(isDangerousOperationConduct('MONITORING_DATA_FALSIFIED')).toBe(true);
  });
});
