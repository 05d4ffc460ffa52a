import type { App, BlockButtonAction } from '@slack/bolt';
import { RESEND_CODE_ACTION, RESET_CALLBACK } from '../views/ids';
import { resendCodeClicked } from './actions/resend-code-clicked';
import { passwordCommand } from './commands/password-command';
import type { ListenerDeps } from './listener-deps';
import { requestContext } from './middleware/request-context';
import { codeSubmitted } from './views/code-submitted';
import { identitySubmitted } from './views/identity-submitted';
import { newPasswordSubmitted } from './views/new-password-submitted';

/** Every Slack listener, registered in one place; each lives in its own file. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  app.use(requestContext(deps.logger));

  app.command('/password', passwordCommand(deps));

  app.view(RESET_CALLBACK.identity, identitySubmitted(deps));
  app.view(RESET_CALLBACK.code, codeSubmitted(deps));
  app.view(RESET_CALLBACK.newPassword, newPasswordSubmitted(deps));

  app.action<BlockButtonAction>(RESEND_CODE_ACTION, resendCodeClicked(deps));
}
