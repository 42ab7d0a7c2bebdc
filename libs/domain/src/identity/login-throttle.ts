/**
 * Login throttling rules (OWASP Authentication Cheat Sheet, "Login Throttling"): failures are counted
 * per account and per client address; after a number of free failures each further one locks that
 * account or address for a wait that doubles with every failure, up to a ceiling. Pure: the counts
 * live in the database so that every API replica applies the same state.
 */
export interface BackoffPolicy {
  /** Failures allowed before the first lock. */
  freeFailures: number;
  /** Length of the first lock; each further failure doubles it. */
  baseSeconds: number;
  /** Ceiling of any single lock. */
  maxSeconds: number;
}

/** Seconds to lock after the `failures`-th failure in a row (0 while within the free failures). */
export function lockSeconds(failures: number, policy: BackoffPolicy): number {
  if (!Number.isInteger(failures) || failures < policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures, 40);
  return Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** doublings);
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The eight 16-bit groups of an IPv6 address, or null when it is not one. */
function ipv6Groups(text: string): number[] | null {
  let address = text;
  let tail: number[] = [];
  const embedded = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (embedded) {
    const v4 = IPV4.exec(embedded[2]);
    if (!v4) return null;
    const octets = v4.slice(1).map(Number);
    if (octets.some((o) => o > 255)) return null;
    tail = [(octets[0] << 8) | octets[1], (octets[2] << 8) | octets[3]];
    address = embedded[1].endsWith('::') ? embedded[1] : embedded[1].slice(0, -1);
  }
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string): number[] | null => {
    if (part === '') return [];
    const groups = part.split(':');
    if (groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
    return groups.map((g) => parseInt(g, 16));
  };
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  if (!head || !rest) return null;
  const known = head.length + rest.length + tail.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  return [...head, ...new Array<number>(8 - known).fill(0), ...rest, ...tail];
}

/**
 * The key a client address is throttled under: an IPv4 address as is (also when IPv4-mapped), an
 * IPv6 address by its /64 prefix, since one subscriber usually holds a whole /64 and could rotate
 * through it. Anything unparsable is kept verbatim (bounded).
 */
export function clientAddressKey(address: string): string {
  const plain = address
    .trim()
    .replace(/%.*$/, '')
    .replace(/^\[|\]$/g, '');
  if (IPV4.test(plain)) return plain;
  const groups = ipv6Groups(plain);
  if (!groups) return plain.slice(0, 64) || 'unknown';
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}
