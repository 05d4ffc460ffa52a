import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { type DemoProcess, spawnDemo } from './demo-process';

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'demo');
const README_SCREENSHOT = join(__dirname, '..', '..', 'docs', 'demo.png');
const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
const OLD_PASSWORD = 'Staff-Anna-2024!';
const NEW_PASSWORD = 'Violet-Harbor-Compass-91';

/**
 * `npm run demo` in real headless Chromium, walked by what the page shows: the whole /password
 * journey (the code read from the SMS panel), then the Try-a-login panel proves the new password
 * works and the old one does not; then Ctrl-C with the tab still open stops everything.
 */
describe('npm run demo in a browser', () => {
  let demo: DemoProcess;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let step = 0;

  const shot = async (name: string) => {
    step += 1;
    await page.screenshot({ path: join(ARTIFACTS, `${String(step).padStart(2, '0')}-${name}.png`) });
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'passdesk-chromium-'));
    demo = await spawnDemo();
    context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1200, height: 820 },
    });
    page = context.pages()[0] ?? (await context.newPage());
  }, 90_000);

  afterAll(async () => {
    await context?.close();
    if (demo?.groupAlive()) await demo.interrupt();
    rmSync(profile, { recursive: true, force: true });
  });

  test('the first thing printed is the simulator URL, on 127.0.0.1', () => {
    expect(demo.output().trim().split('\n')[0]).toContain(demo.url);
    expect(new URL(demo.url).hostname).toBe('127.0.0.1');
  });

  test('a staff member resets a forgotten password with the code from the SMS panel', async () => {
    await page.goto(demo.url);
    const who = page.getByLabel('Who are you');
    const anna = who.locator('option', { hasText: 'Anna Rossi' });
    expect(await anna.count()).toBe(1);
    expect(await anna.textContent()).toMatch(/staff.*\+393471234567/);
    await who.selectOption((await anna.getAttribute('value')) ?? '');

    await page.getByLabel('Message').fill('/password');
    await page.getByLabel('Message').press('Enter');
    const dialog = page.getByRole('dialog');
    // The menu, then its first entry.
    await dialog.getByRole('button', { name: 'Forgot my password' }).click();
    const digits = dialog.getByLabel('Last 3 digits of your registered phone number');
    await digits.waitFor();
    expect(await digits.getAttribute('aria-describedby')).toMatch(/hint/);
    await shot('identity');

    await digits.fill('567');
    const question = await dialog.locator('label', { hasText: /How much is/ }).textContent();
    await dialog.getByLabel(question ?? '').fill(String(solve(question ?? '')));
    await dialog.getByRole('button', { name: 'Continue' }).click();

    const codeInput = dialog.getByLabel('Code from the SMS');
    await codeInput.waitFor();
    const sms = page.getByRole('region', { name: 'SMS' });
    await sms.getByText('+393471234567').waitFor();
    const code = /\b(\d{6})\b/.exec((await sms.textContent()) ?? '')?.[1];
    expect(code).toBeDefined();
    await shot('code');
    await page.screenshot({ path: process.env.UPDATE_README_SCREENSHOT ? README_SCREENSHOT : join(ARTIFACTS, 'readme.png'), scale: 'css' });

    await codeInput.fill('000000' === code ? '111111' : '000000');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByText(/That code is not right/).waitFor();
    await shot('wrong-code-inline-error');

    await dialog.getByLabel('Code from the SMS').fill(code ?? '');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByLabel('New password', { exact: true }).waitFor();
    await dialog.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await dialog.getByLabel('New password again').fill(NEW_PASSWORD);
    await shot('new-password');
    await dialog.getByRole('button', { name: 'Continue' }).click();

    await dialog.getByText('Password changed').first().waitFor();
    expect(await dialog.textContent()).toMatch(/arossi[\s\S]*s210042|s210042[\s\S]*arossi/);
    await page.getByRole('region', { name: 'Direct messages' }).getByText(/password/i).first().waitFor();
    await page.getByRole('region', { name: 'Mail' }).getByText('anna.rossi@uni.example').first().waitFor();
    await shot('changed');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  }, 60_000);

  test('the Try a login panel accepts the new password and refuses the old one', async () => {
    const login = page.getByRole('region', { name: 'Try a login' });
    const result = login.getByRole('status');
    for (const [username, password, expected] of [
      ['arossi', NEW_PASSWORD, /^Accepted/],
      ['s210042', NEW_PASSWORD, /^Accepted/],
      ['arossi', OLD_PASSWORD, /^Refused/],
    ] as const) {
      await result.evaluate((node) => (node.textContent = ''));
      await login.getByLabel('Username').fill(username);
      await login.getByLabel('Password').fill(password);
      await login.getByRole('button', { name: 'Try' }).click();
      await login.getByRole('status').filter({ hasText: expected }).waitFor();
      expect(await result.textContent()).toMatch(expected);
    }
    await shot('try-a-login');
  }, 30_000);

  test('Ctrl-C stops the demo while the tab still polls it, and nothing keeps listening', async () => {
    expect(await reachable(demo.url)).toBe(true);
    await demo.interrupt();
    await waitUntil(() => !demo.groupAlive());
    expect(demo.output()).toContain('Stopping the demo');
    expect(await reachable(demo.url)).toBe(false);
  }, 30_000);
});

/** "How much is 7 + 5?" → 12 */
function solve(question: string): number {
  const match = /(\d+)\s*([+−-])\s*(\d+)/.exec(question);
  if (!match) throw new Error(`no arithmetic in "${question}"`);
  return match[2] === '+' ? Number(match[1]) + Number(match[3]) : Number(match[1]) - Number(match[3]);
}

/** Polls until `done` holds; the test's own timeout is the limit. */
async function waitUntil(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 50));
}

function reachable(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = request(url, { agent: false }, (response) => {
      response.resume();
      resolve(true);
    });
    probe.on('error', () => resolve(false));
    probe.end();
  });
}
