import type { App, BlockButtonAction } from '@slack/bolt';
import type { NotMeReport } from '../../../flows/not-me/not-me-report';
import { messagesFor } from '../../../i18n';
import { NOT_ME_ACTION } from '../../../notification/change-notices';
import { requestIdOf } from '../../shared/request-context';
import { slackErrorCode } from '../../shared/slack-error';
import type { SlackDeps } from '../../shared/slack-deps';

/** "This wasn't me" under a "your password changed" DM: reported, and the person told what to do now. */
export function registerNotMe(app: App, deps: SlackDeps & { report: NotMeReport; helpdeskContact: string | undefined }): void {
  app.action<BlockButtonAction>(NOT_ME_ACTION, async ({ ack, body, action, context }) => {
    await ack();
    const who = { teamId: body.team?.id ?? '', userId: body.user.id, requestId: requestIdOf(context) };
    const logger = deps.logger.child({ requestId: who.requestId });
    let text: string;
    try {
      const answer = await deps.report.report(who, action.value ?? '');
      const common = messagesFor(answer.locale).common;
      const contact = deps.helpdeskContact ?? common.defaultHelpdeskContact;
      text = answer.kind === 'reported' ? common.notMe.reply(contact)
        : answer.kind === 'already-reported' ? common.notMe.alreadyReported(contact)
          : common.notMe.unknownNotice(contact);
    } catch (error) {
      logger.error({ err: slackErrorCode(error) }, '"this wasn\'t me" could not be recorded');
      const common = messagesFor(deps.defaultLocale).common;
      text = common.notMe.unknownNotice(deps.helpdeskContact ?? common.defaultHelpdeskContact);
    }
    await deps.messenger.sendDirectMessage(who.userId, text)
      .catch((error: unknown) => logger.warn({ slackError: slackErrorCode(error) }, 'could not answer "this wasn\'t me"'));
  });
}
