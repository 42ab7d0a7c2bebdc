import { endOfLocalDay } from '../calendar/local-date';
import { receivedInstant, receivedOnProblem, receivedWithin } from './received-on';

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

  it('names what opened the period when asked', () => {
    expect(
      receivedOnProblem({
        ...base,
        receivedOn: '2026-03-01',
        hasReceipt: true,
        periodOpenedBy: 'the accident occurred',
      }),
    ).toEqual({ path: 'receivedOn', message: 'must not be before 2026-03-02, when the accident occurred' });
  });

  it('counts hour clocks from the entry on the day received, else from the last moment of the day received', () => {
    const enteredAt = new Date('2026-03-12T02:30:00.000Z'); // 10:30 China time
    expect(receivedInstant('2026-03-12', enteredAt)).toEqual(enteredAt);
    expect(receivedInstant('2026-03-10', enteredAt).toISOString()).toBe('2026-03-10T15:59:59.999Z');
  });
});
