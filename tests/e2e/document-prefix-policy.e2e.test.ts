import { OrgHarness, startOrgHarness } from '../support/harness';

/**
 * The document prefix (`documentPrefix` policy) names one department's documents: it is not inherited by the
 * departments below, and a prefix another department already numbers with is refused before any number collides.
 */
describe('document prefixes are per department and unique (HTTP, real PostgreSQL)', () => {
  let h: OrgHarness;
  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
  });
  afterAll(async () => h?.close());

  const put = (departmentId: string, overrides: Record<string, unknown>) =>
    h.http().put(`/enforcement/policies/${departmentId}`).set(h.as('sysadmin')).send({ overrides });
  const effective = async (departmentId: string) =>
    (await h.http().get(`/enforcement/policies/${departmentId}`).set(h.as('sysadmin'))).body.effective;

  it("keeps a city bureau's prefix to the city bureau while its other values reach the counties", async () => {
    const cityPrefix = `锡${h.org.suffix}`.slice(0, 12);
    const saved = await put(h.org.cityDepartmentId, { documentPrefix: cityPrefix, creditRepairMinListedDays: 200 });
    expect(saved.status).toBe(200);
    expect(saved.body.effective.documentPrefix).toBe(cityPrefix);
    const county = await effective(h.org.departmentId);
    expect(county).toMatchObject({ documentPrefix: null, creditRepairMinListedDays: 200 });
  });

  it('refuses a prefix another department numbers with, configured or derived from its name, and names it', async () => {
    const cityPrefix = `锡${h.org.suffix}`.slice(0, 12);
    const configured = await put(h.org.departmentId, { documentPrefix: cityPrefix });
    expect(configured.status).toBe(409);
    expect(configured.body).toMatchObject({
      code: 'ALREADY_EXISTS',
      details: { field: 'documentPrefix', departmentId: h.org.cityDepartmentId },
    });
    // 邻县应急管理局 numbers with 邻应急 (the first character of its name and the short name of its kind).
    const derived = await put(h.org.departmentId, { documentPrefix: '邻应急' });
    expect(derived.status).toBe(409);
    expect(derived.body.details.departmentId).toBe(h.org.otherDepartmentId);
    expect(derived.body.message).toContain('邻县应急管理局');
    expect((await effective(h.org.departmentId)).documentPrefix).toBeNull();

    const own = await put(h.org.departmentId, { documentPrefix: `测县${h.org.suffix}`.slice(0, 12) });
    expect(own.status).toBe(200);
    // Saving the same prefix again is not a collision with itself.
    expect((await put(h.org.departmentId, { documentPrefix: `测县${h.org.suffix}`.slice(0, 12) })).status).toBe(200);
  });
});
