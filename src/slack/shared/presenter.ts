import type { types } from '@slack/bolt';
import type { Outcome } from '../../flows/shared/outcome';
import { escapeMrkdwn, note } from '../views/shared/blocks';

export interface RenderedScreen {
  view: types.ModalView;
  /**
   * Errors for Slack to show under inputs (`response_action: errors`) while the view stays as it
   * is. Empty when the view itself must change (then errors are part of the view's text).
   */
  fieldErrors: Record<string, string>;
}

/**
 * A rendered screen, two ways: `false` for a submission's answer (errors under the inputs),
 * `true` for `views.update`, which cannot show field errors (errors written into the view).
 */
export type Presentation = (inlineErrors: boolean) => RenderedScreen;

/** How a journey plugs its screens into the Slack edge: its outcome in, its modal out. */
export type Presenter<Screen> = (outcome: Outcome<Screen>) => Presentation;

export function presentation(rendered: RenderedScreen): Presentation {
  return (inlineErrors) => (inlineErrors ? withInlineErrors(rendered) : rendered);
}

/** Each field error as a warning line under its input, for a view that is replaced rather than answered. */
function withInlineErrors(rendered: RenderedScreen): RenderedScreen {
  if (Object.keys(rendered.fieldErrors).length === 0) return rendered;
  const blocks = rendered.view.blocks.flatMap((block) => {
    const error = 'block_id' in block && block.block_id ? rendered.fieldErrors[block.block_id] : undefined;
    return error ? [block, note(`:warning: ${escapeMrkdwn(error)}`)] : [block];
  });
  return { view: { ...rendered.view, blocks }, fieldErrors: {} };
}
