import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * The demo's simulator page as a person uses it, by what it shows: the "Who are you" picker, the
 * Message box, the modal (role dialog, inputs by label), the SMS panel and "Try a login". Each
 * step can be saved as a numbered screenshot.
 */
export class SimulatorPage {
  private step = 0;

  constructor(readonly page: Page, private readonly artifacts: string) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  region(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  /** Saves the page as the next numbered screenshot. */
  async shot(name: string): Promise<void> {
    this.step += 1;
    await this.page.screenshot({ path: join(this.artifacts, `${String(this.step).padStart(2, '0')}-${name}.png`) });
  }

  /** Picks the person in "Who are you"; returns what their option says. */
  async actAs(name: string): Promise<string> {
    const who = this.page.getByLabel('Who are you');
    const option = who.locator('option', { hasText: name });
    await who.selectOption((await option.getAttribute('value')) ?? '');
    return (await option.textContent()) ?? '';
  }

  /** Types in the Message box and presses Enter. */
  async send(message: string): Promise<void> {
    const box = this.page.getByLabel('Message');
    await box.fill(message);
    await box.press('Enter');
  }

  /** Presses the dialog's button (a menu entry, the submit) by its text. */
  async press(name: string): Promise<void> {
    await this.dialog.getByRole('button', { name, exact: true }).click();
  }

  /** Fills the dialog's inputs by their labels. */
  async fill(fields: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(fields)) await this.dialog.getByLabel(label, { exact: true }).fill(value);
  }

  /** Waits until the dialog shows this text. */
  async sees(text: string | RegExp): Promise<void> {
    await this.dialog.getByText(text).first().waitFor();
  }

  /** Closes the modal with its close button, as a person would. */
  async closeDialog(name = 'Close'): Promise<void> {
    await this.dialog.getByRole('button', { name, exact: true }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  /**
   * The identity check and SMS code every SMS journey starts with (English texts): the last 3
   * digits, the sum, then the code read from the newest SMS to `phone` in the SMS panel.
   */
  async verifyBySms(phone: string): Promise<void> {
    const digits = this.dialog.getByLabel('Last 3 digits of your registered phone number');
    await digits.waitFor();
    await digits.fill(phone.slice(-3));
    const question = (await this.dialog.locator('label', { hasText: /How much is/ }).textContent()) ?? '';
    await this.dialog.getByLabel(question).fill(String(solve(question)));
    const sent = await this.smsTo(phone).count();
    await this.press('Continue');
    await this.dialog.getByLabel('Code from the SMS').waitFor();
    await this.dialog.getByLabel('Code from the SMS').fill(await this.newestCode(phone, sent));
    await this.press('Continue');
  }

  /** The SMS panel's messages to `phone`, newest first. */
  smsTo(phone: string): Locator {
    return this.region('SMS').locator('li', { hasText: phone });
  }

  /** The 6-digit code of the SMS that arrives after `before` messages to `phone`. */
  async newestCode(phone: string, before: number): Promise<string> {
    await this.smsTo(phone).nth(before).waitFor();
    const code = /\b(\d{6})\b/.exec((await this.smsTo(phone).first().textContent()) ?? '')?.[1];
    if (!code) throw new Error(`no 6-digit code in the newest SMS to ${phone}`);
    return code;
  }

  /**
   * Holds the answer to the page's next poll of what the person sees: the answer is read from the
   * demo now, and reaches the page only on `release()`, which resolves once the page has taken
   * it in (its next poll has started). As a slow network would deliver it: late, after newer ones.
   */
  async holdNextPoll(): Promise<{ release(): Promise<void> }> {
    let arrived!: () => void;
    let release!: () => void;
    const hasArrived = new Promise<void>((resolve) => (arrived = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding = true;
    await this.page.route('**/sim/state*', async (route) => {
      if (!holding) return route.continue();
      holding = false;
      const answer = await route.fetch();
      arrived();
      await released;
      await route.fulfill({ response: answer });
    });
    await hasArrived;
    return {
      release: async () => {
        const nextPoll = this.page.waitForRequest('**/sim/state*');
        release();
        await nextPoll;
        await this.page.unroute('**/sim/state*');
      },
    };
  }

  /** Refreshes the page from the demo at once, as the page does after every action of the person. */
  async refreshNow(): Promise<void> {
    await this.page.evaluate('refresh()');
  }

  /** "Try a login": what the panel answers for this username and password. */
  async tryLogin(username: string, password: string): Promise<string> {
    const login = this.region('Try a login');
    const result = login.getByRole('status');
    await result.evaluate((node) => (node.textContent = ''));
    await login.getByLabel('Username').fill(username);
    await login.getByLabel('Password').fill(password);
    await login.getByRole('button', { name: 'Try' }).click();
    await result.filter({ hasText: /^(Accepted|Refused)/ }).waitFor();
    return (await result.textContent()) ?? '';
  }
}

/** "How much is 7 + 5?" → 12 */
export function solve(question: string): number {
  const match = /(\d+)\s*([+−-])\s*(\d+)/.exec(question);
  if (!match) throw new Error(`no arithmetic in "${question}"`);
  return match[2] === '+' ? Number(match[1]) + Number(match[3]) : Number(match[1]) - Number(match[3]);
}
