import { endOfLocalDay } from '../calendar/local-date';
import { receivedOnProblem, receivedWithin } from './received-on';

describe('received-on claims of party submissions', () => {
  const base = { today: '2026-03-12', periodOpenedOn: '2026-03-02', hasReceipt: false };

  it('accepts the day of entry without a receipt', () => {
    expect(receivedOnProblem({ ...base, receivedOn: '2026-03-12' })).toBeNull();
  });

  it('accepts an earlier day inside the period only with its receipt', () => {
    expect(receivedOnProblem({ ...base, receivedOn: '2026-03-04' })).toEqual({
      path: 'receiptAttachmentIds',
      message: expect.stringContaining('receipt'),
    });
    expect(receivedOnProblem({ ...base, receivedOn: '2026-03-04', hasReceipt: true })).toBeNull();
    expect(receivedOnProblem({ ...base, receivedOn: '2026-03-02', hasReceipt: true })).toBeNull();
  });

  it('refuses a day in the future or before the period opened, receipt or not', () => {
    expect(receivedOnProblem({ ...base, receivedOn: '2026-03-13', hasReceipt: true })?.path).toBe('receivedOn');
    expect(receivedOnProblem({ ...base, receivedOn: '2026-03-01', hasReceipt: true })).toEqual({
      path: 'receivedOn',
      message: 'must not be before 2026-03-02, when the period opened',
    });
  });

  it('names the field the claim came in', () => {
    expect(receivedOnProblem({ ...base, receivedOn: '2026-03-13' }, 'filedOn')?.path).toBe('filedOn');
  });

  it('keeps the period when received on its last day, not the day after', () => {
    const endsAt = endOfLocalDay('2026-03-05');
    expect(receivedWithin('2026-03-05', endsAt)).toBe(true);
    expect(receivedWithin('2026-03-02', endsAt)).toBe(true);
    expect(receivedWithin('2026-03-06', endsAt)).toBe(false);
  });
});
