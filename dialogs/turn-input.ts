import type { Origin, Pattern } from '../src/clinical';
import type { StepId } from '../machines';
import type { AdaptiveCard } from './cards/adaptive-card';
import type { ConversationState } from './conversation-state';
import type { KeptWorkup } from './workup-session';

/**
 * The contract between the botbuilder glue and the conversation: what one turn brings in and what
 * it hands back. Plain data on both sides so the conversation can be tested without botbuilder.
 */

export interface TurnInput {
  /** What the clinician typed, with the bot's own @mention already removed. */
  text?: string;
  /** A card submit (`activity.value`): untrusted until parsed. */
  value?: unknown;
  /** An import from the patient's record (the page's SMART launch event `value`): untrusted until parsed. */
  recordImport?: unknown;
  /** The time of the turn, ISO 8601: the runner reads no clock. */
  now: string;
  /** The channel can replace a sent card in place (Teams, with `replyToId`). */
  supportsCardUpdate: boolean;
  /** How long storage keeps an idle workup, as told to a clinician waiting for results. */
  retentionDays?: number;
  /**
   * The welcome card, which shows the F1 disclaimer, was sent in this conversation before any
   * workup was stored: the workup that starts now has shown it already.
   */
  welcomeCardShown?: boolean;
}

export interface Reply {
  text: string;
  card?: AdaptiveCard;
  /** Replaces the card the clinician just answered (read-only echo) instead of being sent anew. */
  replaceCard?: boolean;
}

/** What the audit trail may learn from a turn: tokens and rule ids, never free text or lab values. */
export interface TurnAudit {
  /** The step the turn ended on; "none" when no workup is left (forget me, nothing started). */
  step: StepId | 'none';
  /** What happened, as a token: "answer-text", "stale", "back", "forget-me", ... */
  event: string;
  /** Rules whose text was shown this turn. */
  ruleIds: string[];
  /** Red-flag rules raised by the case as it stands. */
  redFlags: string[];
  contentVersion: string;
  /** The conclusion, when the assessment or a red-flag alert was shown this turn. */
  outcome?: { pattern: Pattern; origin: Origin; urgent: boolean };
}

export interface TurnResult {
  /** The workup to store, opaque to the caller (plain JSON); `undefined` means there is nothing to store. */
  state: ConversationState | undefined;
  /**
   * The workup as this turn left it, opaque: hand it to the next `runTurn` instead of `state`
   * while storage still holds this `state`, and that turn skips reading it back.
   */
  kept?: KeptWorkup;
  /** Whether `state` differs from what was loaded, i.e. whether to write. */
  changed: boolean;
  replies: Reply[];
  audit: TurnAudit;
  /** The clinician asked to be forgotten: delete every workup and audit row of this user. */
  forgetUser?: boolean;
}
