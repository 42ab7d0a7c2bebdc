import { maskIdNumber, maskPersonalData, maskPersonName } from '@safety/domain/privacy/mask';

/**
 * The masked accident detail, the default for everyone who may see the accident. ID numbers keep
 * their region and last four characters; a referred public official (whose handling belongs to the
 * discipline body, 线索移交) appears by surname only, and without a position, everywhere in the
 * detail; ID and phone numbers in free text are masked too. The unmasked view is a separate,
 * audited decision (AccidentService.authorizeUnmaskedRead).
 */
export function maskAccidentDetail<T extends Record<string, unknown>>(detail: T): T & { personalData: 'MASKED' } {
  const officials = new Set<string>();
  collectOfficialNames(detail, officials);
  const names = [...officials];
  return { ...(maskValue(detail, '', names) as T), personalData: 'MASKED' };
}

export const unmaskedAccidentDetail = <T extends Record<string, unknown>>(
  detail: T,
): T & { personalData: 'UNMASKED' } => ({
  ...detail,
  personalData: 'UNMASKED',
});

/**
 * Keys whose values are identifiers, hashes or instants: never free text, never masked. The user
 * who did something (`createdBy`, `reportedBy`, a history entry's `by`, …) is a user id, which a
 * free-text rule could otherwise mistake for a phone number.
 */
const IDENTIFIER_KEY = /(^id$|Id$|Ids$|By$|^by$|^sha256$|At$|^workflowId$|^taskKey$|^status$|^kind$|^type$|^outcome$)/;

function collectOfficialNames(value: unknown, into: Set<string>): void {
  const stack: unknown[] = [value];
  while (stack.length) {
    const item = stack.pop();
    if (Array.isArray(item)) stack.push(...item);
    else if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      if (record.kind === 'PUBLIC_OFFICIAL' && typeof record.name === 'string') into.add(record.name);
      stack.push(...Object.values(record));
    }
  }
}

function maskValue(value: unknown, key: string, officialNames: string[]): unknown {
  if (typeof value === 'string') {
    if (key === 'idNumber') return maskIdNumber(value);
    return IDENTIFIER_KEY.test(key) ? value : maskPersonalData(value, officialNames);
  }
  if (Array.isArray(value)) return value.map((item) => maskValue(item, key, officialNames));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const record = value as Record<string, unknown>;
    const official = record.kind === 'PUBLIC_OFFICIAL';
    return Object.fromEntries(
      Object.entries(record).map(([k, v]) => {
        if (official && k === 'name' && typeof v === 'string') return [k, maskPersonName(v)];
        if (official && k === 'position' && typeof v === 'string') return [k, null];
        return [k, maskValue(v, k, officialNames)];
      }),
    );
  }
  return value;
}
