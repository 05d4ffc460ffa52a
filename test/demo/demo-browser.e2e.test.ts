import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium';
import { type DemoProcess, spawnDemo } from './demo-process';
import { SimulatorPage, solve } from './simulator-page';

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'demo');
const README_SCREENSHOT = join(__dirname, '..', '..', 'docs', 'demo.png');
const ANNA = { phone: '+393471234567', oldPassword: 'Staff-Anna-2024!', newPassword: 'Violet-Harbor-Compass-91' };
const PIOTR = { username: 's220117', newPassword: 'Kasztan-Wisla-Rower-58' };
const GIULIA = { username: 's230051', password: 'Student-Giulia-2024!', phone: '+393405556677' };

/**
 * `npm run demo` in real headless Chromium, walked by what the page shows, in one demo process
 * and one browser: the forgot-password reset (the code read from the SMS panel), the help desk's
 * temporary password and the person's own change of it, forgot username, and unlock; "Try a
 * login" proves each result in the demo directory; then Ctrl-C with the tab still open stops
 * everything. Each step is a screenshot under test-artifacts/demo/.
 */
describe('npm run demo in a browser', () => {
  let demo: DemoProcess;
  let context: BrowserContext;
  let sim: SimulatorPage;
  let profile: string;

  beforeAll(async () => {
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'passdesk-chromium-'));
    demo = await spawnDemo();
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1200, height: 820 },
    });
    sim = new SimulatorPage(context.pages()[0] ?? (await context.newPage()), ARTIFACTS);
    await sim.page.goto(demo.url);
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
    expect(await sim.actAs('Anna Rossi')).toMatch(/staff.*\+393471234567/);
    await sim.send('/password');
    // The menu: every entry, "Manage a service account" too, since Anna owns one.
    for (const entry of ['Forgot my password', 'Change my password', 'Forgot my username', 'Unlock my account', 'Manage a service account']) {
      await sim.dialog.getByRole('button', { name: entry, exact: true }).waitFor();
    }
    await sim.shot('menu');
    await sim.press('Forgot my password');
    const digits = sim.dialog.getByLabel('Last 3 digits of your registered phone number');
    await digits.waitFor();
    expect(await digits.getAttribute('aria-describedby')).toMatch(/hint/);
    await sim.shot('identity');

    await digits.fill('567');
    const question = (await sim.dialog.locator('label', { hasText: /How much is/ }).textContent()) ?? '';
    await sim.dialog.getByLabel(question).fill(String(solve(question)));
    await sim.press('Continue');
    const codeInput = sim.dialog.getByLabel('Code from the SMS');
    await codeInput.waitFor();
    const code = await sim.newestCode(ANNA.phone, 0);
    await sim.shot('code');
    await sim.page.screenshot({ path: process.env.UPDATE_README_SCREENSHOT ? README_SCREENSHOT : join(ARTIFACTS, 'readme.png'), scale: 'css' });

    await codeInput.fill(code === '000000' ? '111111' : '000000');
    await sim.press('Continue');
    await sim.sees(/That code is not right/);
    await sim.shot('wrong-code-inline-error');

    await sim.fill({ 'Code from the SMS': code });
    await sim.press('Continue');
    await sim.dialog.getByLabel('New password', { exact: true }).waitFor();
    await sim.fill({ 'New password': ANNA.newPassword, 'New password again': ANNA.newPassword });
    await sim.shot('new-password');
    await sim.press('Continue');

    await sim.sees('Password changed');
    expect(await sim.dialog.textContent()).toMatch(/arossi[\s\S]*s210042|s210042[\s\S]*arossi/);
    await sim.region('Direct messages').getByText(/password/i).first().waitFor();
    await sim.region('Mail').getByText('anna.rossi@uni.example').first().waitFor();
    await sim.shot('changed');
    await sim.closeDialog();
  }, 60_000);

  test('the Try a login panel accepts the new password and refuses the old one', async () => {
    expect(await sim.tryLogin('arossi', ANNA.newPassword)).toMatch(/^Accepted/);
    expect(await sim.tryLogin('s210042', ANNA.newPassword)).toMatch(/^Accepted/);
    expect(await sim.tryLogin('arossi', ANNA.oldPassword)).toMatch(/^Refused/);
    await sim.shot('try-a-login');
  }, 30_000);

  test('forgot username shows the person\'s usernames with their kind, the service account they own, nobody else\'s', async () => {
    await sim.send('/password');
    await sim.press('Forgot my username');
    await sim.sees('These are the usernames of your university accounts:');
    const shown = (await sim.dialog.textContent()) ?? '';
    expect(shown).toContain('arossi — staff account');
    expect(shown).toContain('s210042 — student account');
    expect(shown).toContain('svc-chemlab — service account');
    for (const other of ['s220117', 'mbianchi', 'lverdi', 's230051']) expect(shown).not.toContain(other);
    await sim.shot('forgot-username');
    await sim.closeDialog();
  }, 30_000);

  let temporaryPassword = '';

  test('the help desk: the operator picks the caller in /temp-password and is shown the temporary password once', async () => {
    expect(await sim.actAs('Marta Bianchi')).toMatch(/help desk/);
    // A poll answer from before the modal opened, arriving after the operator has chosen, must not undo the choice.
    const latePoll = await sim.holdNextPoll();
    await sim.send('/temp-password');
    // The bot opens the modal just after acking the command, and fills it in after checking the operator: with the
    // poll held, the page draws it on refreshes of its own.
    const person = sim.dialog.getByLabel('Person in Slack');
    while (!(await person.isVisible())) await sim.refreshNow();
    await person.selectOption({ label: 'Piotr Nowak' });
    await latePoll.release();
    expect(await person.inputValue()).toBe('U0PIOTR');
    await sim.shot('help-desk-find');
    await sim.press('Find');
    // Piotr has no phone: only an in-person check, and no SMS delivery.
    const inPerson = sim.dialog.getByRole('radio', { name: 'Identity document checked in person' });
    await inPerson.check();
    // mrkdwn as Slack shows it: the account in bold, the asterisks of its masked address kept.
    expect(await sim.dialog.locator('strong', { hasText: 's220117' }).textContent()).toBe('s220117 (p***k@studenti.uni.example)');
    expect(await sim.dialog.getByRole('radio', { name: /call/i }).count()).toBe(0);
    await sim.dialog.getByRole('checkbox', { name: /s220117/ }).waitFor();
    expect(await sim.dialog.getByRole('checkbox', { name: /s220117/ }).isChecked()).toBe(true);
    await sim.dialog.getByRole('radio', { name: 'Show it to me once, here, to read out' }).check();
    await sim.fill({ 'Ticket reference': 'INC-2041' });
    await sim.shot('help-desk-choose');
    await sim.press('Continue');

    await sim.sees(/A temporary password is set on: s220117/);
    temporaryPassword = (await sim.dialog.locator('pre').textContent())?.trim() ?? '';
    expect(temporaryPassword).toMatch(/^[A-Za-z]+(-[A-Za-z]+)+-\d{2}$/);
    await sim.shot('help-desk-shown-once');
    // The help desk's channel has the line, never the password.
    const channel = sim.region('#it-helpdesk-log');
    await channel.getByText(/Temporary password issued/).waitFor();
    expect(await channel.textContent()).toContain('INC-2041');
    expect(await channel.textContent()).not.toContain(temporaryPassword);
    await sim.closeDialog();
  }, 60_000);

  test('the temporary password signs in and must be changed; the person changes it; the new one works and the temporary one no longer does', async () => {
    expect(await sim.tryLogin(PIOTR.username, temporaryPassword)).toMatch(/^Accepted: .*must be changed/);
    await sim.shot('help-desk-try-temporary');

    // Piotr's Slack is in Polish: "Change my password" is "Zmień hasło".
    await sim.actAs('Piotr Nowak');
    await sim.region('Direct messages').getByText(/hasło tymczasowe/).waitFor();
    await sim.send('/password');
    await sim.press('Zmień hasło');
    await sim.dialog.getByLabel('Obecne hasło').waitFor();
    // Slack's text escapes show as the characters they stand for.
    expect(await sim.dialog.textContent()).toContain('@#$%^&*-_+=');
    await sim.fill({ 'Obecne hasło': temporaryPassword, 'Nowe hasło': PIOTR.newPassword, 'Powtórz nowe hasło': PIOTR.newPassword });
    await sim.shot('change-known-password');
    await sim.press('Dalej');
    await sim.sees(/Hasło zostało zmienione dla: s220117/);
    await sim.shot('changed-known-password');
    await sim.closeDialog('Zamknij');

    // Signed in with nothing left to change: the must-change is gone.
    expect(await sim.tryLogin(PIOTR.username, PIOTR.newPassword)).toBe('Accepted: signed in');
    expect(await sim.tryLogin(PIOTR.username, temporaryPassword)).toMatch(/^Refused: wrong password/);
    await sim.shot('change-try-a-login');
  }, 60_000);

  test('a locked account is refused at login, unlocked after the SMS check, then signs in with its unchanged password', async () => {
    expect(await sim.tryLogin(GIULIA.username, GIULIA.password)).toMatch(/^Refused: the account is locked/);
    expect(await sim.actAs('Giulia Ferri')).toMatch(/locked/);
    await sim.send('/password');
    await sim.press('Unlock my account');
    await sim.verifyBySms(GIULIA.phone);
    await sim.sees(/Unlocked: s230051/);
    await sim.shot('unlocked');
    await sim.closeDialog();
    expect(await sim.tryLogin(GIULIA.username, GIULIA.password)).toBe('Accepted: signed in');
  }, 60_000);

  test('Ctrl-C stops the demo while the tab still polls it, and nothing keeps listening', async () => {
    expect(await reachable(demo.url)).toBe(true);
    await demo.interrupt();
    await waitUntil(() => !demo.groupAlive());
    expect(demo.output()).toContain('Stopping the demo');
    expect(await reachable(demo.url)).toBe(false);
  }, 30_000);
});

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
