import { randomUUID } from 'node:crypto';
import { RouteEntry, routePermissions } from '../../apps/api/src/auth/route-permissions';
import { expectEventually } from '../support/eventually';
import { TestOrg } from '../support/fixtures';
import { OrgHarness, startOrgHarness } from '../support/harness';

type Who = keyof TestOrg['users'];
const EVERYONE: Who[] = [
  'officerA',
  'officerB',
  'head',
  'legal',
  'admin',
  'sysadmin',
  'cityHead',
  'otherOfficer',
  'discipline',
];
/** Users outside the fixture's department and above it neither: they must never read or change its case. */
const OUTSIDERS: Who[] = ['otherOfficer', 'discipline'];

/**
 * Routes that do not declare their permission yet. They still need a token (the guard's default), but nobody
 * decided who may call them: each gets @Roles, @AnyAuthenticated or @Public, and leaves this list, which may
 * only shrink (a declared route still listed fails too).
 */
const PENDING_DECLARATION: string[] = [
  'GET /cases',
  'GET /cases/:id',
  'GET /cases/:id/archive',
  'GET /cases/:id/attachments',
  'POST /cases/:id/attachments',
  'GET /cases/:id/attachments/:attachmentId/content',
  'GET /cases/:id/documents',
  'GET /cases/:id/publications',
  'GET /cases/:id/timeline',
  'GET /cases/penalty/:id/amount-owed',
  'GET /cases/penalty/:id/continuing-daily-fine',
  'GET /documents/:id/html',
  'GET /tasks',
  'GET /tasks/:id',
  'POST /tasks/:id/claim',
  'POST /tasks/:id/complete',
  'POST /tasks/:id/release',
];

/**
 * The authorization matrix, generated from the route table Nest registered: every route × every role
 * (users of the fixture's department, its supervisor, another department, the discipline body, anonymous)
 * × own/other department (a case of the fixture's department, read and changed by outsiders). A route
 * without a declared permission fails, and so does any cell that lets someone in who should be out.
 */
describe('authorization matrix from the route table', () => {
  let h: OrgHarness;
  let routes: RouteEntry[];
  const fixture = { caseId: '', taskId: '', attachmentId: '' };

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
    routes = routePermissions(h.app);
    const created = await h
      .http()
      .post('/cases/penalty')
      .set(h.as('officerA'))
      .send({ title: '权限矩阵测试', enterpriseId: h.org.enterpriseId });
    expect(created.status).toBe(201);
    fixture.caseId = created.body.id;
    fixture.taskId = await expectEventually(async () => {
      const list = await h.http().get('/tasks').query({ caseId: fixture.caseId }).set(h.as('head'));
      expect(list.body.items).toHaveLength(1);
      return list.body.items[0].id as string;
    });
    const note = await h
      .http()
      .post(`/cases/${fixture.caseId}/attachments`)
      .set(h.as('officerA'))
      .send({ kind: 'NOTE', text: '矩阵测试记录' });
    expect(note.status).toBe(201);
    fixture.attachmentId = note.body.id;
  });
  afterAll(async () => h?.close());

  /** Path parameters: the fixture's case, task and attachment where the route is about them, else unknown ids. */
  const concretePath = (route: RouteEntry): { path: string; aboutFixture: boolean } => {
    const aboutCase = route.path.startsWith('/cases/:id') || route.path.startsWith('/cases/penalty/:id');
    const aboutTask = route.path.startsWith('/tasks/:id');
    const values: Record<string, string> = {
      id: aboutCase ? fixture.caseId : aboutTask ? fixture.taskId : randomUUID(),
      attachmentId: aboutCase ? fixture.attachmentId : randomUUID(),
      departmentId: h.org.departmentId,
      year: '2026',
      seq: '1',
    };
    const path = route.path.replace(/:(\w+)/g, (_, name: string) => values[name] ?? randomUUID());
    return { path, aboutFixture: aboutCase || aboutTask };
  };

  const call = (route: RouteEntry, path: string, who: Who | null) => {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const req = h.http()[method](path);
    if (who) req.set(h.as(who));
    return ['post', 'put', 'patch'].includes(method) ? req.send({}) : req;
  };

  it('covers a route table in which every route declares who may call it', () => {
    expect(routes.length).toBeGreaterThan(50);
    const undeclared = routes.filter((r) => r.permission.kind === 'undeclared').map((r) => `${r.method} ${r.path}`);
    expect(undeclared.sort()).toEqual([...PENDING_DECLARATION].sort());
  });

  it('lets in exactly the declared roles, never anonymous callers, and never outsiders to a case', async () => {
    const leaks: string[] = [];
    let cells = 0;
    for (const route of routes) {
      const { path, aboutFixture } = concretePath(route);
      const cell = (who: string, status: number, code: unknown, expected: string) => {
        cells++;
        return `${route.method} ${route.path} as ${who}: ${status} ${String(code ?? '')}, expected ${expected}`;
      };
      const anonymous = await call(route, path, null);
      if (route.permission.kind === 'public') {
        if (anonymous.status === 401 || anonymous.status === 403)
          leaks.push(cell('anonymous', anonymous.status, anonymous.body.code, 'public access'));
        else cell('anonymous', anonymous.status, null, '');
        continue;
      }
      if (anonymous.status !== 401) leaks.push(cell('anonymous', anonymous.status, anonymous.body.code, '401'));
      else cell('anonymous', 401, null, '');
      for (const who of EVERYONE) {
        const res = await call(route, path, who);
        const roles = h.org.users[who].roles;
        const permission = route.permission;
        const allowed = permission.kind !== 'roles' || roles.some((role) => permission.roles.includes(role));
        // The guard's own role denial; a service may deny a role too (a step's candidate roles), after the guard.
        const guardDenied =
          res.status === 403 &&
          res.body.code === 'FORBIDDEN_ROLE' &&
          /^this action needs one of the roles/.test(String(res.body.message));
        if (!allowed && !guardDenied) leaks.push(cell(who, res.status, res.body.code, '403 FORBIDDEN_ROLE'));
        else if (allowed && (res.status === 401 || guardDenied))
          leaks.push(cell(who, res.status, res.body.code, 'the role to be let through'));
        else if (aboutFixture && OUTSIDERS.includes(who) && res.status < 300)
          leaks.push(cell(who, res.status, res.body.code, 'no access to another department’s case'));
        else cell(who, res.status, res.body.code, '');
      }
    }
    expect(leaks).toEqual([]);
    expect(cells).toBeGreaterThanOrEqual(routes.length * 2);
  });
});
