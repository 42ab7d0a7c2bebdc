import { DomainError, ErrorCode } from '../errors';

/** How a complaint reached the department. */
export const COMPLAINT_CHANNELS = ['ONLINE', 'HOTLINE_12350', 'LETTER', 'IN_PERSON'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/** The channels an officer registers; ONLINE is the public form's own. */
export const OFFICER_CHANNELS = ['HOTLINE_12350', 'LETTER', 'IN_PERSON'] as const;

/**
 * The kinds of department the public may address a complaint to when its enterprise is not in the directory: the
 * bodies that supervise work safety (emergency management and its town offices, and the sector supervisors of
 * 安全生产法 Art.10), not police, discipline bodies, trade unions, procuratorates or the safety committees' offices.
 */
export const COMPLAINT_RECEIVING_DEPARTMENT_KINDS = [
  'EMERGENCY_MANAGEMENT',
  'TOWN_SAFETY_OFFICE',
  'HOUSING_CONSTRUCTION',
  'TRANSPORT',
  'MARKET_REGULATION',
  'FIRE_RESCUE',
] as const;

/** How much the informant gives away: nothing, or a name and a way to reach them (实名举报). */
export interface InformantContact {
  anonymous: boolean;
  name: string | null;
  phone: string | null;
  address: string | null;
}

/** Complaint tracking codes: `TS` + 10 characters of an alphabet without look-alikes (0/O, 1/I). */
export const TRACKING_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const TRACKING_CODE_PATTERN = /^TS[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{10}$/;

/** Builds a tracking code from random bytes (the caller brings the randomness). */
export function trackingCode(random: Uint8Array): string {
  if (random.length < 10) throw new Error('a tracking code needs 10 random bytes');
  let code = 'TS';
  for (let index = 0; index < 10; index++)
    code += TRACKING_CODE_ALPHABET[random[index] % TRACKING_CODE_ALPHABET.length];
  return code;
}

/** The received-on instant of a registered complaint is never in the future (a small clock skew allowed). */
export function assertReceivedAt(receivedAt: Date, now: Date, skewMs = 60_000): void {
  if (receivedAt.getTime() > now.getTime() + skewMs) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'receivedAt is in the future', {
      fields: [{ path: 'receivedAt', message: 'must not be in the future' }],
    });
  }
}

/** A real-name complaint names the informant and one way to reach them; an anonymous one carries neither. */
export function normaliseContact(contact: InformantContact): InformantContact {
  const clean = (value: string | null) => (value && value.trim() ? value.trim() : null);
  if (contact.anonymous) return { anonymous: true, name: null, phone: null, address: null };
  const normalised = {
    anonymous: false,
    name: clean(contact.name),
    phone: clean(contact.phone),
    address: clean(contact.address),
  };
  const fields: Array<{ path: string; message: string }> = [];
  if (!normalised.name) fields.push({ path: 'contact.name', message: 'a real-name complaint names the informant' });
  if (!normalised.phone && !normalised.address)
    fields.push({ path: 'contact.phone', message: 'a real-name complaint gives a phone or an address' });
  if (fields.length) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'incomplete contact', { fields });
  return normalised;
}

/** Legal-form words that say nothing about which enterprise is meant. */
const LEGAL_FORM = /(股份有限公司|有限责任公司|有限公司|集团|公司|厂|\s|[()（）])/g;

/** A name as compared: without legal-form words, spaces and brackets, lower case. */
export const enterpriseNameKey = (name: string) => name.replace(LEGAL_FORM, '').toLowerCase();

/**
 * The directory enterprise a free-text name means, when exactly one is meant: an exact match of the
 * name without its legal form, else the only candidate whose name contains the text (or the text it).
 * Null when none or several fit: an officer matches it by hand.
 */
export function matchEnterprise<Candidate extends { id: string; name: string }>(
  text: string | null | undefined,
  candidates: readonly Candidate[],
): Candidate | null {
  const wanted = enterpriseNameKey(text ?? '');
  if (wanted.length < 2) return null;
  const exact = candidates.filter((candidate) => enterpriseNameKey(candidate.name) === wanted);
  if (exact.length === 1) return exact[0];
  if (exact.length > 1) return null;
  const partial = candidates.filter((candidate) => {
    const name = enterpriseNameKey(candidate.name);
    return name.length >= 2 && (name.includes(wanted) || wanted.includes(name));
  });
  return partial.length === 1 ? partial[0] : null;
}
