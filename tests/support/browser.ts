import { mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, ConsoleMessage, Page } from 'playwright-core';
import { TestUser } from './fixtures';

/**
 * The console in Debian's Chromium (playwright-core drives it; Playwright's own browser download is
 * not used). scripts/test.sh installs the package when missing and exports CHROMIUM_PATH.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=zh-CN',
];

export const VIEWPORTS = {
  desktop: { width: 1366, height: 768 },
  phone: { width: 390, height: 844 },
} as const;

export type ViewportName = keyof typeof VIEWPORTS;

/** Headless Chromium with a fresh profile (Playwright gives every launch its own temporary user data dir). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

/** The base URL of an API app that listens on a free loopback port. */
export async function listen(app: {
  listen(port: number, host: string): Promise<unknown>;
  getHttpServer(): { address(): unknown };
}) {
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

/**
 * One person's browser session: a context of its own (its own sessionStorage, so its own login),
 * China time and Chinese as the browser's language, and every console error and uncaught page error
 * recorded. A failed resource load (a 403 the page shows as 无权查看) is recorded apart, with its URL,
 * so a test can say which refusals it expects.
 */
export interface Person {
  context: BrowserContext;
  page: Page;
  errors: string[];
  failedLoads: string[];
  close(): Promise<void>;
}

export async function openPerson(
  browser: Browser,
  baseURL: string,
  viewport: ViewportName = 'desktop',
): Promise<Person> {
  const context = await browser.newContext({
    baseURL,
    viewport: VIEWPORTS[viewport],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    isMobile: viewport === 'phone',
    hasTouch: viewport === 'phone',
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: string[] = [];
  const failedLoads: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    if (message.text().startsWith('Failed to load resource'))
      failedLoads.push(`${message.text()} ${message.location().url}`);
    else errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return { context, page, errors, failedLoads, close: () => context.close() };
}

/** Logs in through the form, as a person would: the labelled 用户名 and 密码 fields and the 登录 button. */
export async function loginAs(person: Person, user: TestUser): Promise<void> {
  const { page } = person;
  await page.goto('/ui/login');
  await page.getByLabel('用户名').fill(user.username);
  await page.getByLabel('密码').fill(user.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('whoami').getByText(user.username).waitFor();
}

export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'docs', 'console');

/** The current page at both viewports, into docs/console/NAME-desktop.png and NAME-phone.png. */
export async function screenshots(person: Person, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const { page } = person;
  for (const viewport of ['desktop', 'phone'] as const) {
    await page.setViewportSize(VIEWPORTS[viewport]);
    // Ant Design's responsive grid re-renders on the resize event; two animation frames later the
    // new layout has been painted.
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${viewport}.png`) });
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}
