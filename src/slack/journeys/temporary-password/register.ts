import type { App } from '@slack/bolt';
import type { TemporaryPasswordJourney } from '../../../flows/temporary-password/temporary-password-journey';
import type { SlackDeps } from '../../shared/slack-deps';
import { TEMP_PASSWORD_CALLBACK, TEMP_PASSWORD_SHORTCUT } from '../../views/temporary-password/ids';
import { presentTemporaryPassword } from '../../views/temporary-password/present-temporary-password';
import type { TemporaryPasswordListenerDeps } from './deps';
import { callBackSubmitted, chooseSubmitted, codeSubmitted, findSubmitted } from './steps-submitted';
import { tempPasswordCommand } from './temp-password-command';
import { tempPasswordShortcut } from './temp-password-shortcut';

/** The help desk's listeners: `/temp-password`, the global shortcut, and the modal's four steps. */
export function registerTemporaryPassword(
  app: App,
  shared: SlackDeps & { journey: TemporaryPasswordJourney; presentation: { helpdeskContact: string | undefined } },
): void {
  const deps: TemporaryPasswordListenerDeps = {
    ...shared,
    modal: {
      auditPrefix: 'temporary-password',
      present: (outcome) => presentTemporaryPassword(shared.presentation, outcome),
      title: (messages) => messages.temporaryPassword.modalTitle,
    },
  };
  app.command('/temp-password', tempPasswordCommand(deps));
  app.shortcut(TEMP_PASSWORD_SHORTCUT, tempPasswordShortcut(deps));

  app.view(TEMP_PASSWORD_CALLBACK.find, findSubmitted(deps));
  app.view(TEMP_PASSWORD_CALLBACK.choose, chooseSubmitted(deps));
  app.view(TEMP_PASSWORD_CALLBACK.callBack, callBackSubmitted(deps));
  app.view(TEMP_PASSWORD_CALLBACK.code, codeSubmitted(deps));
}
