/**
 * A person at the last step of `/password`, driven from the Slack thread: `/password`, the
 * phone digits and the sum, the SMS code, and then new passwords, submitted one after another
 * as fast as passdesk answers. Labels are the modal's English ones, as the e2e tests read them.
 */
import type { FakeSlack } from '../test/harness/fake-slack';
import type { FakeTwilio } from '../test/harness/fake-twilio';
import { fillByLabel, type SlackHttpDriver, type SlackResponse } from '../test/harness/slack-driver';
import { RESET_CALLBACK } from '../src/slack/views/password-reset/ids';

const PHONE_DIGITS = 'Last 3 digits of your registered phone number';
const CODE = 'Code from the SMS';
const NEW_PASSWORD = 'New password';
const AGAIN = 'New password again';
const STEP_TIMEOUT_MS = 60_000;

export class PasswordSubmitter {
  constructor(
    private readonly slack: FakeSlack,
    private readonly twilio: FakeTwilio,
    private readonly driver: SlackHttpDriver,
    readonly userId: string,
  ) {}

  /** The id of the modal this person has open (undefined before `/password`). */
  get viewId(): string | undefined {
    return this.slack.lastView(this.userId)?.id;
  }

  /** From `/password reset` to the step that asks for the new password. Run one person at a time: SMS codes are told apart by order. */
  async reachNewPasswordStep(phoneDigits: string): Promise<void> {
    const since = this.slack.calls.length;
    expectOk(await this.driver.slashCommand(this.userId, '/password', 'reset'));
    await this.slack.waitForCall('views.update', { since, timeoutMs: STEP_TIMEOUT_MS });
    await this.settled(RESET_CALLBACK.identity);
    const smsBefore = this.twilio.messages.length;
    await this.submit({ [PHONE_DIGITS]: phoneDigits, ...this.challenge() }, RESET_CALLBACK.code);
    await this.submit({ [CODE]: await this.smsCode(smsBefore) }, RESET_CALLBACK.newPassword);
  }

  /** Types `password` twice and submits; resolves with how long passdesk took to answer (ms). The modal must stay at the step. */
  async submitNewPassword(password: string): Promise<number> {
    const started = performance.now();
    await this.submit({ [NEW_PASSWORD]: password, [AGAIN]: password }, RESET_CALLBACK.newPassword);
    return performance.now() - started;
  }

  private async submit(answers: Record<string, string>, expected: string): Promise<void> {
    const view = this.slack.lastView(this.userId);
    if (!view) throw new Error(`${this.userId} has no modal open`);
    expectOk(await this.driver.submitView(this.userId, view, fillByLabel(view, answers)));
    await this.settled(expected);
  }

  /**
   * Waits until the modal shows step `expected` with its inputs: a step slower than Slack's
   * deadline first shows "working" (no inputs), then comes as a views.update.
   */
  private async settled(expected: string): Promise<void> {
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    for (;;) {
      const view = this.slack.lastView(this.userId);
      const blocks = (view?.blocks ?? []) as Array<{ type: string }>;
      if (view?.callback_id === expected && blocks.some((block) => block.type === 'input')) return;
      if (Date.now() > deadline) throw new Error(`${this.userId} sees ${view?.callback_id ?? 'no modal'}, not ${expected}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** The arithmetic question's label and its answer. */
  private challenge(): Record<string, string> {
    const view = this.slack.lastView(this.userId);
    for (const block of (view?.blocks ?? []) as Array<{ type: string; label?: { text: string } }>) {
      const match = block.type === 'input' ? /(\d+)\s*([+−-])\s*(\d+)/.exec(block.label?.text ?? '') : null;
      if (match && block.label) {
        const [, left, operator, right] = match;
        return { [block.label.text]: String(operator === '+' ? Number(left) + Number(right) : Number(left) - Number(right)) };
      }
    }
    return {};
  }

  private async smsCode(since: number): Promise<string> {
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    while (this.twilio.messages.length <= since) {
      if (Date.now() > deadline) throw new Error(`no SMS for ${this.userId}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const code = /\b(\d{6})\b/.exec(this.twilio.messages[since].body);
    if (!code) throw new Error('no 6-digit code in the SMS');
    return code[1];
  }
}

function expectOk(response: SlackResponse): void {
  if (response.status !== 200) throw new Error(`passdesk answered HTTP ${response.status}`);
}
