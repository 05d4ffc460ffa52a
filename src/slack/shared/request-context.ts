import { randomUUID } from 'node:crypto';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../log/logger';

/** Gives every interaction a request id, carried by logs and audit events. Logs no payload. */
export function requestContext(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ context, body, next }) => {
    context.requestId = randomUUID();
    logger.debug({ requestId: context.requestId, kind: interactionKind(body) }, 'slack interaction');
    await next();
  };
}

function interactionKind(body: AnyMiddlewareArgs['body']): string {
  if ('command' in body && typeof body.command === 'string') return `command ${body.command}`;
  if ('type' in body && typeof body.type === 'string') {
    const callbackId = 'view' in body && body.view && 'callback_id' in body.view ? ` ${body.view.callback_id}` : '';
    return `${body.type}${callbackId}`;
  }
  return 'other';
}

export function requestIdOf(context: Record<string, unknown>): string {
  return typeof context.requestId === 'string' ? context.requestId : 'none';
}
