import { clientAddressKey, lockSeconds } from './login-throttle';

describe('login backoff', () => {
  const policy = { freeFailures: 5, baseSeconds: 1, maxSeconds: 900 };

  it('allows the free failures, then doubles the lock per failure up to the ceiling', () => {
    expect([0, 1, 4].map((n) => lockSeconds(n, policy))).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 14].map((n) => lockSeconds(n, policy))).toEqual([1, 2, 4, 8, 512]);
    expect([15, 16, 1000, 1e9].map((n) => lockSeconds(n, policy))).toEqual([900, 900, 900, 900]);
  });

  it('scales with the base and never returns a lock for nonsense counts', () => {
    expect(lockSeconds(20, { freeFailures: 20, baseSeconds: 3, maxSeconds: 60 })).toBe(3);
    expect(lockSeconds(22, { freeFailures: 20, baseSeconds: 3, maxSeconds: 60 })).toBe(12);
    expect(lockSeconds(Number.NaN, policy)).toBe(0);
    expect(lockSeconds(-1, policy)).toBe(0);
  });
});

describe('client address keys', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::ffff:cb00:7107', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:ffff:ffff:ffff:1', '2001:db8:1:2::/64'],
    ['2001:DB8::1', '2001:db8:0:0::/64'],
    ['[2001:db8:aa::1]', '2001:db8:aa:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['not-an-address', 'not-an-address'],
    ['', 'unknown'],
  ])('keys %p as %p', (address, key) => {
    expect(clientAddressKey(address)).toBe(key);
  });

  it('rejects malformed IPv6 instead of collapsing it', () => {
    expect(clientAddressKey('1::2::3')).toBe('1::2::3');
    expect(clientAddressKey('1:2:3:4:5:6:7:8:9')).toBe('1:2:3:4:5:6:7:8:9');
  });
});
