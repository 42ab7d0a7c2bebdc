import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword } from '@safety/application/identity.service';
import { Role } from '@safety/domain/identity/roles';
import type request from 'supertest';
import { loadTestCalendar2027 } from './accident-fixtures';
import { createOrg, TestOrg, TestUser } from './fixtures';
import { Harness, startHarness } from './harness';

const PASSWORD = `joint-${randomBytes(8).toString('hex')}`;
let hash: Promise<string> | null = null;

export interface JointOrg {
  /** A county housing-construction bureau (住房和城乡建设局) of the test county: a joint inspection's partner. */
  housingDepartmentId: string;
  users: { housingA: TestUser; housingHead: TestUser; otherB: TestUser };
}

/**
 * A partner department for joint inspections on top of createOrg's organisation (its officer and head,
 * its own document prefix), and a second officer of the neighbouring county (a cross inspection's team).
 */
export async function createJointOrg(ds: DataSource, org: TestOrg): Promise<JointOrg> {
  hash ??= hashPassword(PASSWORD);
  const h = await hash;
  const s = org.suffix;
  const [{ region_id: regionId }] = await ds.query('SELECT region_id FROM departments WHERE id = $1', [
    org.departmentId,
  ]);
  const housingDepartmentId = (
    await ds.query(
      `INSERT INTO departments (code, name, kind, level, region_id) VALUES ($1,$2,'HOUSING_CONSTRUCTION','COUNTY',$3) RETURNING id`,
      [`HC-X${s}`, `测试县住房和城乡建设局${s}`, regionId],
    )
  )[0].id as string;
  // The housing bureau numbers its documents with its own prefix (per-department policy).
  await ds.query(`INSERT INTO penalty_policies (department_id, overrides) VALUES ($1, $2)`, [
    housingDepartmentId,
    JSON.stringify({ documentPrefix: '测住建' }),
  ]);
  const user = async (name: string, departmentId: string, roles: Role[]): Promise<TestUser> => {
    const username = `${name}.${s}`;
    const [{ id }] = await ds.query(
      `INSERT INTO users (username, password_hash, display_name, department_id, roles, credential_no) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
      [username, h, name, departmentId, roles, jointCredential(name, org)],
    );
    return { id, username, password: PASSWORD, departmentId, roles };
  };
  return {
    housingDepartmentId,
    users: {
      housingA: await user('housingA', housingDepartmentId, [Role.ENFORCEMENT_OFFICER]),
      housingHead: await user('housingHead', housingDepartmentId, [Role.AGENCY_HEAD]),
      otherB: await user('otherB', org.otherDepartmentId, [Role.ENFORCEMENT_OFFICER]),
    },
  };
}

/** The 执法证号 of a test officer: createOrg's (officerA → `A<suffix>`…) or createJointOrg's. */
export function jointCredential(who: string, org: TestOrg): string {
  const own: Record<string, string> = { officerA: 'A', officerB: 'B', otherOfficer: 'O', head: 'H' };
  return own[who] ? `${own[who]}${org.suffix}` : `${who}-${org.suffix}`;
}

/** A harness with the joint organisation, everyone logged in, and the requests both joint test files make. */
export interface JointSession {
  h: Harness;
  org: TestOrg;
  housingDepartmentId: string;
  people: Record<string, TestUser>;
  as(who: string): { Authorization: string };
  /** The record's confirmations by these officers, with their 执法证号. */
  signed(...who: string[]): Array<{ officerId: string; credentialNo: string }>;
  /** POST /inspections for the test enterprise. */
  open(who: string, body: Record<string, unknown>): request.Test;
  complete(taskId: string, who: string, outcome: string, payload: Record<string, unknown>): request.Test;
  detail(caseId: string, who: string): request.Test;
}

export async function startJointSession(temporal: 'dev' | 'time-skipping'): Promise<JointSession> {
  const h = await startHarness({ temporal });
  const org = await createOrg(h.db.ds);
  // Skips may carry the time-skipping server's clock into the next year, whose calendar is not seeded.
  if (temporal === 'time-skipping') await loadTestCalendar2027(h.db.ds);
  const joint = await createJointOrg(h.db.ds, org);
  const people: Record<string, TestUser> = { ...org.users, ...joint.users };
  const tokens: Record<string, string> = {};
  for (const [k, u] of Object.entries(people)) tokens[k] = await h.login(u);
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  return {
    h,
    org,
    housingDepartmentId: joint.housingDepartmentId,
    people,
    as,
    signed: (...who) => who.map((w) => ({ officerId: people[w].id, credentialNo: jointCredential(w, org) })),
    open: (who, body) =>
      h
        .http()
        .post('/inspections')
        .set(as(who))
        .send({ enterpriseId: org.enterpriseId, ...body }),
    complete: (taskId, who, outcome, payload) =>
      h.http().post(`/tasks/${taskId}/complete`).set(as(who)).send({ outcome, payload }),
    detail: (caseId, who) => h.http().get(`/inspections/${caseId}`).set(as(who)),
  };
}
