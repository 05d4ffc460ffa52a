import { randomBytes } from 'node:crypto';
import type { ViewOutput } from '@slack/bolt';

/** A modal as Slack holds it (what `views.*` return), plus what the user was last shown for it. */
export interface FakeView extends ViewOutput {
  /** Errors from the last `response_action: errors` ack, by block id (what Slack shows under inputs). */
  shownErrors?: Record<string, string>;
}

/** A Slack API error (`ok: false`) with Slack's own code and, for bad views, its messages. */
export class SlackApiError extends Error {
  constructor(
    readonly code: string,
    readonly messages: string[] = [],
  ) {
    super(messages.length > 0 ? `${code}: ${messages.join('; ')}` : code);
  }
}

const MAX_STACK = 3;

/**
 * Modals per user as Slack keeps them: a stack (open, push, update, close), ids and hashes issued
 * by Slack, the block and action ids Slack fills in, and the Block Kit limits Slack enforces.
 */
export class ViewStore {
  private readonly views = new Map<string, { userId: string; view: FakeView; open: boolean }>();
  private readonly stacks = new Map<string, string[]>();

  constructor(private readonly identity: { teamId: string; appId: string; botId: string }) {}

  open(userId: string, definition: unknown): FakeView {
    for (const id of this.stacks.get(userId) ?? []) this.markClosed(id);
    const view = this.create(userId, definition, null, null);
    this.stacks.set(userId, [view.id]);
    return view;
  }

  push(userId: string, definition: unknown): FakeView {
    const stack = this.stacks.get(userId) ?? [];
    if (stack.length === 0) return this.open(userId, definition);
    if (stack.length >= MAX_STACK) throw new SlackApiError('push_limit_reached');
    const top = stack[stack.length - 1];
    const view = this.create(userId, definition, top, stack[0]);
    stack.push(view.id);
    return view;
  }

  update(viewId: string, definition: unknown, hash?: string): FakeView {
    const entry = this.views.get(viewId);
    if (!entry?.open) throw new SlackApiError('not_found');
    if (hash !== undefined && hash !== entry.view.hash) throw new SlackApiError('hash_conflict');
    const replaced = this.build(definition, entry.view);
    entry.view = replaced;
    return replaced;
  }

  byId(viewId: string): FakeView | undefined {
    return this.views.get(viewId)?.view;
  }

  ownerOf(viewId: string): string | undefined {
    return this.views.get(viewId)?.userId;
  }

  isOpen(viewId: string): boolean {
    return this.views.get(viewId)?.open === true;
  }

  /** The modal on top of the user's stack: what they see now. */
  top(userId: string): FakeView | undefined {
    const stack = this.stacks.get(userId);
    return stack?.length ? this.byId(stack[stack.length - 1]) : undefined;
  }

  /** After a view_submission: what Slack does with the app's ack. */
  applySubmissionResponse(userId: string, viewId: string, values: ViewOutput['state']['values'], response: unknown): void {
    const entry = this.views.get(viewId);
    if (!entry?.open) return;
    entry.view = { ...entry.view, state: { values } };
    const action = isObject(response) ? response.response_action : undefined;
    switch (action) {
      case 'update':
        entry.view = this.build(isObject(response) ? response.view : undefined, entry.view);
        return;
      case 'push':
        this.push(userId, isObject(response) ? response.view : undefined);
        return;
      case 'errors':
        entry.view = { ...entry.view, shownErrors: isObject(response) && isObject(response.errors) ? stringRecord(response.errors) : {} };
        return;
      case 'clear':
        for (const id of this.stacks.get(userId) ?? []) this.markClosed(id);
        this.stacks.set(userId, []);
        return;
      default:
        this.closeFrom(userId, viewId);
    }
  }

  clear(): void {
    this.views.clear();
    this.stacks.clear();
  }

  /** Closes the view and every view pushed above it. */
  closeFrom(userId: string, viewId: string): void {
    const stack = this.stacks.get(userId) ?? [];
    const at = stack.indexOf(viewId);
    if (at < 0) return;
    for (const id of stack.splice(at)) this.markClosed(id);
  }

  private markClosed(viewId: string): void {
    const entry = this.views.get(viewId);
    if (entry) entry.open = false;
  }

  private create(userId: string, definition: unknown, previousId: string | null, rootId: string | null): FakeView {
    const id = `V${randomId(10)}`;
    const view = this.build(definition, undefined, { id, previous_view_id: previousId, root_view_id: rootId ?? id });
    this.views.set(id, { userId, view, open: true });
    return view;
  }

  /** A validated definition turned into Slack's stored view: fresh hash, generated ids filled in. */
  private build(
    definition: unknown,
    current?: FakeView,
    fresh?: { id: string; previous_view_id: string | null; root_view_id: string },
  ): FakeView {
    const problems = viewProblems(definition);
    if (problems.length > 0) throw new SlackApiError('invalid_arguments', problems);
    const given = definition as Record<string, unknown>;
    const ids = current ?? fresh;
    if (!ids) throw new Error('a view needs ids');
    return {
      id: ids.id,
      team_id: this.identity.teamId,
      type: 'modal',
      title: given.title as FakeView['title'],
      blocks: withGeneratedIds(given.blocks as unknown[]) as FakeView['blocks'],
      close: (given.close as FakeView['close']) ?? null,
      submit: (given.submit as FakeView['submit']) ?? null,
      private_metadata: typeof given.private_metadata === 'string' ? given.private_metadata : '',
      callback_id: typeof given.callback_id === 'string' ? given.callback_id : '',
      external_id: typeof given.external_id === 'string' ? given.external_id : '',
      state: { values: {} },
      hash: `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`,
      clear_on_close: given.clear_on_close === true,
      notify_on_close: given.notify_on_close === true,
      previous_view_id: ids.previous_view_id,
      root_view_id: ids.root_view_id,
      app_id: this.identity.appId,
      app_installed_team_id: this.identity.teamId,
      bot_id: this.identity.botId,
    };
  }
}

/** The Block Kit rules Slack rejects a modal for (a useful subset), as Slack words them. */
export function viewProblems(definition: unknown): string[] {
  if (!isObject(definition)) return ['[ERROR] missing required field: view'];
  const problems: string[] = [];
  if (definition.type !== 'modal') problems.push('[ERROR] must be \'modal\' [json-pointer:/view/type]');
  checkPlainText(definition.title, '/view/title', 24, true, problems);
  checkPlainText(definition.submit, '/view/submit', 24, false, problems);
  checkPlainText(definition.close, '/view/close', 24, false, problems);
  if (typeof definition.private_metadata === 'string' && definition.private_metadata.length > 3000) {
    problems.push('[ERROR] must be less than 3001 characters [json-pointer:/view/private_metadata]');
  }
  if (typeof definition.callback_id === 'string' && definition.callback_id.length > 255) {
    problems.push('[ERROR] must be less than 256 characters [json-pointer:/view/callback_id]');
  }
  const blocks = definition.blocks;
  if (!Array.isArray(blocks)) {
    problems.push('[ERROR] missing required field: blocks [json-pointer:/view/blocks]');
    return problems;
  }
  if (blocks.length > 100) problems.push('[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]');
  const blockIds = new Set<string>();
  blocks.forEach((block, index) => {
    const pointer = `/view/blocks/${index}`;
    if (!isObject(block) || typeof block.type !== 'string') {
      problems.push(`[ERROR] missing required field: type [json-pointer:${pointer}]`);
      return;
    }
    if (typeof block.block_id === 'string') {
      if (blockIds.has(block.block_id)) problems.push(`[ERROR] duplicate block_id: ${block.block_id} [json-pointer:${pointer}/block_id]`);
      blockIds.add(block.block_id);
    }
    if (block.type === 'input') {
      checkPlainText(block.label, `${pointer}/label`, 2000, true, problems);
      if (!isObject(block.element)) problems.push(`[ERROR] missing required field: element [json-pointer:${pointer}]`);
      if (!isObject(definition.submit)) problems.push('[ERROR] must provide a submit property when using input blocks [json-pointer:/view]');
    }
    if (block.type === 'section' && isObject(block.text) && typeof block.text.text === 'string' && block.text.text.length > 3000) {
      problems.push(`[ERROR] must be less than 3001 characters [json-pointer:${pointer}/text/text]`);
    }
    if (block.type === 'actions') {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length === 0 || elements.length > 25) problems.push(`[ERROR] must have 1 to 25 elements [json-pointer:${pointer}/elements]`);
      elements.forEach((element, at) => {
        if (isObject(element) && element.type === 'button') checkPlainText(element.text, `${pointer}/elements/${at}/text`, 75, true, problems);
      });
    }
  });
  return [...new Set(problems)];
}

function checkPlainText(value: unknown, pointer: string, max: number, required: boolean, problems: string[]): void {
  if (value === undefined || value === null) {
    if (required) problems.push(`[ERROR] missing required field: text [json-pointer:${pointer}]`);
    return;
  }
  if (!isObject(value) || value.type !== 'plain_text' || typeof value.text !== 'string') {
    problems.push(`[ERROR] must be a plain_text text object [json-pointer:${pointer}]`);
    return;
  }
  if (value.text.length === 0) problems.push(`[ERROR] must be more than 0 characters [json-pointer:${pointer}/text]`);
  if (value.text.length > max) problems.push(`[ERROR] must be less than ${max + 1} characters [json-pointer:${pointer}/text]`);
}

/** Slack fills in a block_id (and an input element's action_id) when the app leaves it out. */
function withGeneratedIds(blocks: unknown[]): unknown[] {
  return blocks.map((block) => {
    if (!isObject(block)) return block;
    const filled: Record<string, unknown> = { ...block, block_id: typeof block.block_id === 'string' ? block.block_id : randomId(5) };
    if (isObject(block.element) && typeof block.element.action_id !== 'string') {
      filled.element = { ...block.element, action_id: randomId(5) };
    }
    if (Array.isArray(block.elements)) {
      filled.elements = block.elements.map((element) =>
        isObject(element) && 'type' in element && typeof element.action_id !== 'string' && block.type === 'actions'
          ? { ...element, action_id: randomId(5) }
          : element,
      );
    }
    return filled;
  });
}

function stringRecord(value: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(value).map(([key, text]) => [key, String(text)]));
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function randomId(length: number): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');
}
