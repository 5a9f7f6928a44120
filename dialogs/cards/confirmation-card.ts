import { adaptiveCard, heading, subtle, textBlock, type CardWithText } from './adaptive-card';
import { CONFIRM_STEP, submitData } from './card-submit';

/** What a confirmation is about: each deletes something that cannot be had back. */
export type ConfirmationKind = 'forget' | 'restart' | 'cancel';

interface ConfirmationText {
  title: string;
  what: string;
  confirm: string;
  keep: string;
  /** The read-only line that replaces the card in Teams once it is answered. */
  confirmed: string;
  kept: string;
}

const TEXTS: Record<ConfirmationKind, ConfirmationText> = {
  forget: {
    title: 'Delete all your workups?',
    what: 'This deletes every workup you have with this bot, in every chat, and your audit entries. It cannot be undone.',
    confirm: 'Delete everything',
    keep: 'Keep my workups',
    confirmed: 'Forget me: confirmed.',
    kept: 'Forget me: kept, nothing was deleted.',
  },
  restart: {
    title: 'Start over?',
    what: 'This clears every answer of this workup and starts again at the first question. It cannot be undone.',
    confirm: 'Clear and start over',
    keep: 'Keep this workup',
    confirmed: 'Restart: confirmed.',
    kept: 'Restart: kept, nothing was cleared.',
  },
  cancel: {
    title: 'Cancel this workup?',
    what: 'This clears every answer of this workup. It cannot be undone.',
    confirm: 'Clear the answers',
    keep: 'Keep this workup',
    confirmed: 'Cancel: confirmed.',
    kept: 'Cancel: kept, nothing was cleared.',
  },
};

const TYPED_HINT = 'Say "yes" to go ahead; anything else keeps everything as it is.';

/**
 * Asked before "forget me", "restart" and "cancel" act. `confirmation` is the session's number for
 * this confirmation: the Confirm button of an earlier one is recognised as stale and does nothing.
 */
export const confirmationCard = (kind: ConfirmationKind, confirmation: number): CardWithText => {
  const text = TEXTS[kind];
  const card = adaptiveCard(
    [heading(text.title), textBlock(text.what), subtle(TYPED_HINT)],
    [
      {
        type: 'Action.Submit',
        title: text.confirm,
        style: 'destructive',
        data: submitData(CONFIRM_STEP, confirmation, 'confirm'),
      },
      {
        type: 'Action.Submit',
        title: text.keep,
        style: 'positive',
        data: submitData(CONFIRM_STEP, confirmation, 'keep'),
      },
    ],
    text.title,
  );
  return { card, text: [text.title, text.what, TYPED_HINT].join('\n') };
};

/** Replaces an answered confirmation card in Teams, so no live Confirm button stays on screen. */
export const answeredConfirmationCard = (kind: ConfirmationKind, confirmed: boolean): CardWithText => {
  const line = confirmed ? TEXTS[kind].confirmed : TEXTS[kind].kept;
  return { card: adaptiveCard([subtle(line)], [], line), text: line };
};
