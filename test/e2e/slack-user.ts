import type { FakeView } from '../harness/fake-slack';
import type { PassdeskUnderTest } from '../harness/passdesk-under-test';
import { buttonByText, fillByLabel, type SlackResponse, visibleText } from '../harness/slack-driver';

/**
 * A person in Slack, as an outside client would act for them: types `/password`, reads the
 * modal, fills inputs found by their visible labels, presses buttons found by their text.
 */
export class SlackUser {
  constructor(
    /** The Slack it talks through; `driver` may change between calls (replicas behind one Slack). */
    private readonly harness: Pick<PassdeskUnderTest, 'slack' | 'driver'>,
    readonly id: string,
  ) {}

  /**
   * `/password` and the menu's first entry ("Forgot my password", in the person's language), then
   * waits for the journey's first step.
   */
  async runPassword(): Promise<SlackResponse> {
    await this.openMenu();
    return this.choose(this.buttons()[0] ?? 'Forgot my password');
  }

  /** The texts of the buttons in the modal, in order. */
  buttons(): string[] {
    const blocks = this.view().blocks as { elements?: { type: string; text?: { text: string } }[]; accessory?: { type: string; text?: { text: string } } }[];
    return blocks
      .flatMap((block) => [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])])
      .filter((element) => element.type === 'button')
      .map((element) => element.text?.text ?? '');
  }

  /** `/password` (with `text`, a sub-command): waits until the modal shows the person's own menu or entry. */
  async openMenu(text = ''): Promise<SlackResponse> {
    return this.runCommand('/password', text);
  }

  /** A slash command that opens a modal, then waits until the modal has moved past its first "loading" view. */
  async runCommand(command: string, text = ''): Promise<SlackResponse> {
    const since = this.harness.slack.calls.length;
    const response = await this.harness.driver.slashCommand(this.id, command, text);
    await this.harness.slack.waitForCall('views.update', { since });
    return response;
  }

  /** A global shortcut that opens a modal, then waits as `runCommand` does. */
  async runShortcut(callbackId: string): Promise<SlackResponse> {
    const since = this.harness.slack.calls.length;
    const response = await this.harness.driver.globalShortcut(this.id, callbackId);
    await this.harness.slack.waitForCall('views.update', { since });
    return response;
  }

  /** Clicks a menu entry by its button text; waits until its journey has moved past "loading". */
  async choose(entry: string): Promise<SlackResponse> {
    const since = this.harness.slack.calls.length;
    const response = await this.click(entry);
    await this.harness.slack.waitForCall('views.update', { since, where: (call) => !isLoadingView(call.args.view) });
    return response;
  }

  view(): FakeView {
    const view = this.harness.slack.lastView(this.id);
    if (!view) throw new Error(`${this.id} has no modal open`);
    return view;
  }

  /** Everything the person reads in the modal, errors included. */
  text(): string {
    return visibleText(this.view());
  }

  labels(): string[] {
    return (this.view().blocks as { type: string; label?: { text: string } }[])
      .filter((block) => block.type === 'input')
      .map((block) => block.label?.text ?? '');
  }

  /** The texts of the options (radio buttons, checkboxes) of the input labelled `label`. */
  options(label: string): string[] {
    const input = (this.view().blocks as { type: string; label?: { text: string }; element?: { options?: { text: { text: string } }[] } }[])
      .find((block) => block.type === 'input' && block.label?.text === label);
    if (!input) throw new Error(`no input labelled ${label}; labels: ${this.labels().join(' | ')}`);
    return (input.element?.options ?? []).map((option) => option.text.text);
  }

  /**
   * Fills inputs by label (a RegExp matches the one label it fits; checkboxes take a list) and
   * submits. When passdesk answers "working on it" (a step slower than Slack's deadline), waits
   * for the real answer, as a person watching the modal would.
   */
  async submit(answers: [string | RegExp, string | string[]][]): Promise<SlackResponse> {
    const view = this.view();
    const byLabel: Record<string, string | string[]> = {};
    for (const [label, value] of answers) byLabel[this.label(label)] = value;
    const since = this.harness.slack.calls.length;
    const response = await this.harness.driver.submitView(this.id, view, fillByLabel(view, byLabel));
    if (isWorkingAnswer(response)) {
      await this.harness.slack.waitForCall('views.update', { since, where: (call) => call.args.view_id === view.id });
    }
    return response;
  }

  async click(buttonText: string): Promise<SlackResponse> {
    const view = this.view();
    return this.harness.driver.clickButton(this.id, { ...buttonByText(view, buttonText), view });
  }

  /** The arithmetic question's label and its answer, worked out as a person would. */
  challenge(): [string, string] {
    for (const label of this.labels()) {
      const match = /(\d+)\s*([+−-])\s*(\d+)/.exec(label);
      if (match) {
        const [, left, operator, right] = match;
        const answer = operator === '+' ? Number(left) + Number(right) : Number(left) - Number(right);
        return [label, String(answer)];
      }
    }
    throw new Error(`no arithmetic question among: ${this.labels().join(' | ')}`);
  }

  private label(wanted: string | RegExp): string {
    const found = this.labels().find((label) => (typeof wanted === 'string' ? label === wanted : wanted.test(label)));
    if (!found) throw new Error(`no input labelled ${String(wanted)}; labels: ${this.labels().join(' | ')}`);
    return found;
  }
}

/** An ack that replaced the modal with the "working on it" screen (an hourglass and no inputs). */
function isWorkingAnswer(response: SlackResponse): boolean {
  const body = response.body as { response_action?: string; view?: { blocks?: unknown[] } } | undefined;
  if (body?.response_action !== 'update' || !body.view) return false;
  return visibleText({ blocks: body.view.blocks }).includes(':hourglass_flowing_sand:');
}

/** Every journey's "looking up your accounts" modal has a callback id ending in `.loading`. */
function isLoadingView(view: unknown): boolean {
  const callbackId = (view as { callback_id?: unknown } | undefined)?.callback_id;
  return typeof callbackId === 'string' && callbackId.endsWith('.loading');
}

/** The 6-digit code in an SMS text. */
export function codeIn(smsBody: string): string {
  const match = /\b(\d{6})\b/.exec(smsBody);
  if (!match) throw new Error('no 6-digit code in the SMS');
  return match[1];
}

/** The code of the first SMS sent after the `since`-th one (waits up to 5 s for it). */
export async function nextSmsCode(harness: Pick<PassdeskUnderTest, 'twilio'>, since: number): Promise<string> {
  const deadline = Date.now() + 5000;
  while (harness.twilio.messages.length <= since) {
    if (Date.now() > deadline) throw new Error('no SMS was sent');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return codeIn(harness.twilio.messages[since].body);
}
