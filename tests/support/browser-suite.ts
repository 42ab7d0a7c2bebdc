import { Browser } from 'playwright-core';
import { OrgHarness, startOrgHarness } from './harness';
import { launchChromium, listen, openPerson, Person, ViewportName } from './browser';

/**
 * The set-up of a browser test file: a test organisation on the Temporal dev server, the API listening on a
 * loopback port and Chromium. `person()` opens a fresh browser context; every person's console and page errors
 * fail the test that opened it.
 */
export function browserSuite() {
  const suite = { h: undefined as unknown as OrgHarness, baseURL: '', browser: undefined as unknown as Browser };
  const people: Person[] = [];
  beforeAll(async () => {
    suite.h = await startOrgHarness({ temporal: 'dev' });
    suite.baseURL = await listen(suite.h.app);
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.h?.close();
  });
  afterEach(async () => {
    for (const p of people.splice(0)) {
      expect(p.errors).toEqual([]);
      await p.close();
    }
  });
  return {
    get h(): OrgHarness {
      return suite.h;
    },
    get baseURL(): string {
      return suite.baseURL;
    },
    async person(viewport: ViewportName = 'desktop'): Promise<Person> {
      const p = await openPerson(suite.browser, suite.baseURL, viewport);
      people.push(p);
      return p;
    },
  };
}
