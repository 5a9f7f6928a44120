import { assign, setup } from 'xstate';
import type { PartialCase } from '../src/clinical';
import type { SessionDecision } from './session-decisions';
import type { SessionEvent, SessionInput } from './session-events';

/**
 * The conversation around a workup: the welcome before one starts, the offers to resume or to
 * take back answers saved by an older version, the confirmations before anything is deleted, and
 * the return after a long pause. The workup machine owns the questions; this one owns when a
 * clinician's message goes to the workup at all. Like the workup machine it only assigns. Every
 * transition carries its decision as its `meta`, which `dialogs/` renders (machines/session.ts).
 */

/** After this long away, an unfinished workup is not continued by accident: the clinician is asked. */
export const RESUME_OFFER_AFTER_MS = 8 * 60 * 60 * 1000;

export interface SessionContext {
  /** When this workup began (ISO time); "Continuing your workup from ..." names its day. */
  startedAt: string;
  /** When the workup last changed (ISO time): the 8-hour rule counts from here. */
  updatedAt: string;
  /** The F1 disclaimer has been shown in this workup (seed F1: once per workup). */
  disclaimerShown: boolean;
  /** Answers read back from a workup saved by an older version, waiting for the clinician's confirmation. */
  salvagedCase?: PartialCase;
  /** Counts the confirmations asked, so the Confirm button of an earlier one is recognised as stale. */
  confirmation: number;
}

/** What a transition decided, for `dialogs/` to render. */
export interface SessionTransitionMeta {
  decision: SessionDecision;
}

type GuardArgs = { context: SessionContext; event: SessionEvent };

const facts = (event: SessionEvent) => ('workup' in event ? event.workup : undefined);

/** The clinician has been away for RESUME_OFFER_AFTER_MS or more from a workup with answers. */
const isReturning = ({ context, event }: GuardArgs): boolean =>
  facts(event)?.hasAnswers === true &&
  Date.parse(event.now) - Date.parse(context.updatedAt) >= RESUME_OFFER_AFTER_MS;

const sessionSetup = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as SessionInput,
    meta: {} as SessionTransitionMeta,
  },
  guards: {
    isReturning,
    isReturningToUnfinished: (args) => isReturning(args) && facts(args.event)?.atAssessment === false,
    /** "start" typed (or the welcome's button) over a workup with answers and no assessment yet. */
    startsOverUnfinished: ({ event }) =>
      event.type === 'START' &&
      event.via !== 'newButton' &&
      event.workup.hasAnswers &&
      !event.workup.atAssessment,
    /** Something would be lost: answers in the workup, or answers offered back from an older version. */
    hasSomethingToLose: ({ context, event }) =>
      facts(event)?.hasAnswers === true || context.salvagedCase !== undefined,
    hasSalvagedCase: ({ context }) => context.salvagedCase !== undefined,
    /** The welcome card's own "Start workup" button: the welcome was just read, the first question follows. */
    isWelcomeButton: ({ event }) => event.type === 'START' && event.via === 'welcomeCard',
    workupChanged: ({ event }) => event.type === 'TURN_ENDED' && event.workupChanged,
    disclaimerDue: ({ context, event }) =>
      event.type === 'TURN_ENDED' && event.prompted && !context.disclaimerShown,
    startsWorkup: ({ event }) => event.type === 'TURN_ENDED' && (event.workupChanged || event.prompted),
    changedAndDisclaimerDue: ({ context, event }) =>
      event.type === 'TURN_ENDED' && event.workupChanged && event.prompted && !context.disclaimerShown,
  },
  actions: {
    /** A new workup: its own start time, and the disclaimer owed again (unless the welcome card shows it). */
    beginWorkup: assign(({ event }, params: { welcomed: boolean }) => ({
      startedAt: event.now,
      updatedAt: event.now,
      disclaimerShown: params.welcomed,
      salvagedCase: undefined,
    })),
    touch: assign(({ event }) => ({ updatedAt: event.now })),
    markDisclaimerShown: assign({ disclaimerShown: true }),
    forgetSalvage: assign({ salvagedCase: undefined }),
    askConfirmation: assign(({ context }) => ({ confirmation: context.confirmation + 1 })),
  },
});

const decide = (decision: SessionDecision) => ({ meta: { decision } });
const askConfirmation = { type: 'askConfirmation' as const };
const beginWorkup = (welcomed: boolean) => ({ type: 'beginWorkup' as const, params: { welcomed } });
const forgetSalvage = { type: 'forgetSalvage' as const };

type SessionAction = ReturnType<typeof beginWorkup> | typeof askConfirmation | typeof forgetSalvage;

/** Stays where it is, deciding only. */
const stay = (decision: SessionDecision) => decide(decision);

const go = (target: string, decision: SessionDecision, ...actions: SessionAction[]) => ({
  target,
  actions,
  ...decide(decision),
});

/** A new workup; `welcomed` when the turn shows the welcome card, which carries the disclaimer. */
const fresh = (decision: SessionDecision, welcomed = false) =>
  go('inWorkup', decision, beginWorkup(welcomed));

const start = [
  { guard: 'isWelcomeButton' as const, ...fresh('first-question', true) },
  fresh('welcome', true),
];

const askFirst = (target: string, decision: SessionDecision, otherwise: SessionDecision) => [
  { guard: 'hasSomethingToLose' as const, ...go(target, decision, askConfirmation) },
  fresh(otherwise),
];

/** After a confirmation is declined: back to the offer of answers from an older version, or to the workup. */
const keep = (decision: SessionDecision) => [
  { guard: 'hasSalvagedCase' as const, ...go('salvageOffered', decision) },
  go('inWorkup', decision),
];

/**
 * A confirmation: only CONFIRM acts; anything else keeps everything. A message that means
 * something to the workup (an answer, a command, help) still counts after that.
 */
const confirming = (description: string, confirmed: ReturnType<typeof go>) => ({
  description,
  on: {
    CONFIRM: confirmed,
    KEEP: keep('kept'),
    START: keep('kept'),
    RESTART: keep('kept'),
    CANCEL: keep('kept'),
    FORGET_ME: keep('kept'),
    RESUME: keep('kept'),
    ANSWER: keep('kept-then-pass'),
    IMPORT: keep('kept-then-pass'),
    INVALID: keep('kept-then-pass'),
    COMMAND: keep('kept-then-pass'),
    LOOK: keep('kept-then-pass'),
    OTHER: keep('kept'),
    STALE: stay('stale'),
    TURN_ENDED: turnEnded(),
  },
});

/**
 * The end of every turn: the workup's last change moves `updatedAt`, and the first prompt of a
 * workup gets the disclaimer. From the welcome, a changed workup has started.
 */
const showDisclaimer = decide('show-disclaimer');
const turnEnded = () => [
  {
    guard: 'changedAndDisclaimerDue' as const,
    actions: ['touch' as const, 'markDisclaimerShown' as const],
    ...showDisclaimer,
  },
  { guard: 'disclaimerDue' as const, actions: ['markDisclaimerShown' as const], ...showDisclaimer },
  { guard: 'workupChanged' as const, actions: ['touch' as const], ...decide('nothing') },
  stay('nothing'),
];

/** From the welcome, a turn that changed the workup or showed its question has started it. */
const welcomeTurnEnded = [
  {
    guard: 'disclaimerDue' as const,
    target: 'inWorkup',
    actions: ['touch' as const, 'markDisclaimerShown' as const],
    ...showDisclaimer,
  },
  { guard: 'startsWorkup' as const, target: 'inWorkup', actions: ['touch' as const], ...decide('nothing') },
  stay('nothing'),
];

export const sessionMachine = sessionSetup.createMachine({
  id: 'alpSession',
  initial: 'welcome',
  context: ({ input }) => ({
    startedAt: input.now,
    updatedAt: input.now,
    disclaimerShown: input.welcomeCardShown === true,
    confirmation: 0,
  }),
  states: {
    welcome: {
      description: 'Nothing started yet: the welcome card, then the first question',
      on: {
        START: start,
        RESTART: fresh('restart'),
        CANCEL: stay('nothing-to-cancel'),
        FORGET_ME: go('confirmingForget', 'ask-forget', askConfirmation),
        CONFIRM: stay('stale'),
        KEEP: stay('stale'),
        RESUME: fresh('welcome', true),
        ANSWER: stay('pass'),
        IMPORT: stay('pass'),
        INVALID: stay('pass'),
        COMMAND: stay('pass'),
        LOOK: stay('pass'),
        OTHER: fresh('welcome', true),
        STALE: stay('stale'),
        TURN_ENDED: welcomeTurnEnded,
      },
    },
    inWorkup: {
      description: 'The workup: every message goes to its questions',
      on: {
        START: [{ guard: 'startsOverUnfinished' as const, ...go('resumeOffered', 'offer-resume') }, ...start],
        RESTART: askFirst('confirmingRestart', 'ask-restart', 'restart'),
        CANCEL: askFirst('confirmingCancel', 'ask-cancel', 'cancel'),
        FORGET_ME: go('confirmingForget', 'ask-forget', askConfirmation),
        CONFIRM: stay('stale'),
        KEEP: stay('stale'),
        RESUME: stay('resume'),
        ANSWER: [{ guard: 'isReturning', ...stay('continue-returning') }, stay('pass')],
        IMPORT: stay('pass'),
        INVALID: stay('pass'),
        COMMAND: stay('pass'),
        LOOK: stay('pass'),
        OTHER: [{ guard: 'isReturningToUnfinished', ...go('resumeOffered', 'offer-resume') }, stay('pass')],
        STALE: stay('stale'),
        TURN_ENDED: turnEnded(),
      },
    },
    resumeOffered: {
      description:
        'Back after 8 hours or more, or start typed over an unfinished workup: resume or start over?',
      on: {
        START: fresh('start-over'),
        RESTART: fresh('start-over'),
        CANCEL: askFirst('confirmingCancel', 'ask-cancel', 'cancel'),
        FORGET_ME: go('confirmingForget', 'ask-forget', askConfirmation),
        CONFIRM: stay('stale'),
        KEEP: stay('stale'),
        RESUME: go('inWorkup', 'resume'),
        ANSWER: go('inWorkup', 'continue-returning'),
        IMPORT: go('inWorkup', 'pass'),
        INVALID: stay('pass'),
        COMMAND: go('inWorkup', 'pass'),
        LOOK: stay('pass'),
        OTHER: stay('repeat-offer'),
        STALE: stay('stale'),
        TURN_ENDED: turnEnded(),
      },
    },
    salvageOffered: {
      description: 'Answers read from a workup saved by an older version, shown for confirmation',
      on: {
        START: fresh('start-over'),
        RESTART: fresh('start-over'),
        CANCEL: askFirst('confirmingCancel', 'ask-cancel', 'cancel'),
        FORGET_ME: go('confirmingForget', 'ask-forget', askConfirmation),
        CONFIRM: stay('stale'),
        KEEP: stay('stale'),
        RESUME: go('inWorkup', 'accept-salvage', forgetSalvage),
        ANSWER: go('inWorkup', 'merge-salvage', forgetSalvage),
        // The answers offered back are kept until the clinician takes them or starts anew.
        IMPORT: stay('pass'),
        INVALID: stay('pass'),
        COMMAND: stay('pass'),
        LOOK: stay('pass'),
        OTHER: stay('repeat-offer'),
        STALE: stay('stale'),
        TURN_ENDED: turnEnded(),
      },
    },
    confirmingForget: {
      ...confirming(
        'Forget me asked: delete every workup and audit entry of this clinician?',
        go('welcome', 'forget', beginWorkup(false)),
      ),
    },
    confirmingRestart: confirming('Restart asked: clear this workup and begin again?', fresh('restart')),
    confirmingCancel: confirming('Cancel asked: clear the answers of this workup?', fresh('cancel')),
  },
});

export type SessionMachine = typeof sessionMachine;
