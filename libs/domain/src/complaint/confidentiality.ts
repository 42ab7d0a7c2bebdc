/** The people of a complaint who may read who the informant is (举报人信息保密). */
export interface ComplaintKeepers {
  /** The department handling the complaint now (after a transfer, the receiving one). */
  departmentId: string;
  /** The officer who registered a complaint received by phone, letter or in person (null: filed online). */
  registeredBy: string | null;
  /** The handling officers of the complaint in its current department. */
  handlerIds: readonly string[];
}

/**
 * Only the registering officer and the handling officers of the department handling the complaint
 * read the informant's identity and contact; nobody else does — not the head, not a supervisor above,
 * not another department, never the public or the enterprise.
 */
export function mayReadInformant(actor: { userId: string; departmentId: string }, keepers: ComplaintKeepers): boolean {
  if (actor.userId === keepers.registeredBy) return true;
  return actor.departmentId === keepers.departmentId && keepers.handlerIds.includes(actor.userId);
}
