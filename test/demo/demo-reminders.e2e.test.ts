import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type LaunchedChromium, launchChromium } from './chromium';
import { type DemoProcess, spawnDemo } from './demo-process';
import { SimulatorPage } from './simulator-page';

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'demo-reminders');
const DAY_MS = 24 * 60 * 60 * 1000;
/** The reader's browser: Slack shows a reminder's date in the reader's own language and zone. */
const LOCALE = 'en-US';
const TIME_ZONE = 'Europe/Rome';

/**
 * `npm run demo` in real headless Chromium: "Run the reminder sweep now" reminds the seeded person
 * whose password expires in 5 days (Luca Verdi, `lverdi`) with a DM naming the account and the
 * date, the sweep's summary shows in the page, and the DM's "Change now" opens the
 * change-password modal; `/password status` shows the same date.
 */
describe('the demo\'s expiry reminders in a browser', () => {
  let demo: DemoProcess;
  let browser: LaunchedChromium;
  let sim: SimulatorPage;
  let startedAt: number;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    startedAt = Date.now();
    [demo, browser] = await Promise.all([spawnDemo(), launchChromium({ locale: LOCALE, timezoneId: TIME_ZONE })]);
    sim = new SimulatorPage(browser.page, ARTIFACTS);
    await sim.page.goto(demo.url);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    if (demo?.groupAlive()) await demo.interrupt();
  });

  test('the sweep button sends Luca a DM with his account and its expiry date; "Change now" opens the change-password modal; /password status agrees', async () => {
    await sim.actAs('Luca Verdi');
    const dms = sim.region('Direct messages');
    expect(await dms.getByRole('listitem').count()).toBe(0);

    const reminders = sim.region('Expiry reminders');
    await reminders.getByRole('button', { name: 'Run the reminder sweep now' }).click();
    const summary = reminders.getByRole('status');
    await summary.filter({ hasText: /sent by DM/ }).waitFor();
    // Only Luca is due (his password expires in 5 days, inside the default 10-day window).
    expect(await summary.textContent()).toMatch(/due 1, sent by DM 1, by mail 0, failed 0, skipped 0/);

    const reminder = dms.getByRole('listitem').filter({ hasText: 'lverdi' });
    await reminder.waitFor();
    await sim.shot('reminder');
    const shown = (await reminder.textContent()) ?? '';
    expect(shown).toContain('Your university password will expire soon');
    const expiry = new Date((await reminder.locator('time').getAttribute('datetime')) ?? '');
    // Luca's password was set 360 days before the demo started; it lasts 365.
    expect(expiry.getTime()).toBeGreaterThanOrEqual(startedAt + 5 * DAY_MS);
    expect(expiry.getTime()).toBeLessThanOrEqual(Date.now() + 5 * DAY_MS);
    const date = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: TIME_ZONE }).format(expiry);
    const time = new Intl.DateTimeFormat(LOCALE, { timeStyle: 'short', timeZone: TIME_ZONE }).format(expiry);
    expect(shown).toContain(`lverdi: expires on ${date} ${time}`);
    expect(await reminder.getByRole('button').allTextContents()).toEqual(['Change now', 'Remind me later']);

    await reminder.getByRole('button', { name: 'Change now' }).click();
    const dialog = sim.page.getByRole('dialog', { name: 'Change password' });
    await dialog.getByLabel('Current password', { exact: true }).waitFor();
    expect(await dialog.textContent()).toContain('lverdi');
    await sim.shot('change-now');
    await sim.closeDialog('Cancel');

    // `/password status`, answered only to him in the channel, with the same date.
    await sim.send('/password status');
    const status = sim.page.getByRole('listitem').filter({ hasText: 'Your passwords' });
    await status.waitFor();
    expect(await status.textContent()).toContain('lverdi: last changed on');
    expect(await status.textContent()).toContain(`expires on ${date} ${time}`);
    await sim.shot('status');
  }, 60_000);
});
