import { initialTransition, transition } from 'xstate';
import {
  advanceSession,
  persistSession,
  restoreSession,
  salvageSession,
  startSession,
  stateOf,
  type SessionSnapshot,
} from '../../machines/session';
import { SESSION_EVENT_TYPES, type SessionEvent, type WorkupFacts } from '../../machines/session-events';
import { RESUME_OFFER_AFTER_MS, sessionMachine } from '../../machines/session-machine';

const T0 = '2026-11-23T09:00:00.000Z';
const later = (snapshot: SessionSnapshot, ms: number): string =>
  new Date(Date.parse(snapshot.context.updatedAt) + ms).toISOString();

const EMPTY: WorkupFacts = { hasAnswers: false, atAssessment: false };
const UNFINISHED: WorkupFacts = { hasAnswers: true, atAssessment: false };
const ASSESSED: WorkupFacts = { hasAnswers: true, atAssessment: true };

/** Just under and exactly at the 8-hour boundary, measured from the session's last workup change. */
const SOON = RESUME_OFFER_AFTER_MS - 1;
const AWAY = RESUME_OFFER_AFTER_MS;

type Labelled = [label: string, event: SessionEvent];

/**
 * Every event type, with representatives of what its guards look at: the workup's facts, how
 * long since the last change (either side of 8 hours), how a start was asked for, and what a
 * turn's end reports.
 */
function eventsFor(snapshot: SessionSnapshot): Labelled[] {
  const turn = (facts: WorkupFacts, ms = 60_000) => ({ now: later(snapshot, ms), workup: facts });
  const simple = (
    type: Exclude<SessionEvent['type'], 'START' | 'TURN_ENDED'>,
    facts = UNFINISHED,
  ): Labelled => [type, { type, ...turn(facts) } as SessionEvent];
  return [
    ['START typed, unfinished', { type: 'START', via: 'typed', ...turn(UNFINISHED) }],
    ['START typed, assessed', { type: 'START', via: 'typed', ...turn(ASSESSED) }],
    ['START welcome card, unfinished', { type: 'START', via: 'welcomeCard', ...turn(UNFINISHED) }],
    ['START welcome card, empty', { type: 'START', via: 'welcomeCard', ...turn(EMPTY) }],
    ['START new button, unfinished', { type: 'START', via: 'newButton', ...turn(UNFINISHED) }],
    ['RESTART, empty', { type: 'RESTART', ...turn(EMPTY) }],
    ['RESTART, unfinished', { type: 'RESTART', ...turn(UNFINISHED) }],
    ['CANCEL, empty', { type: 'CANCEL', ...turn(EMPTY) }],
    ['CANCEL, unfinished', { type: 'CANCEL', ...turn(UNFINISHED) }],
    simple('FORGET_ME'),
    simple('CONFIRM'),
    simple('KEEP'),
    simple('RESUME'),
    ['ANSWER, 8 h less 1 ms', { type: 'ANSWER', ...turn(UNFINISHED, SOON) }],
    ['ANSWER, 8 h', { type: 'ANSWER', ...turn(UNFINISHED, AWAY) }],
    simple('IMPORT'),
    simple('INVALID'),
    simple('COMMAND'),
    simple('LOOK'),
    ['OTHER, unfinished, 8 h less 1 ms', { type: 'OTHER', ...turn(UNFINISHED, SOON) }],
    ['OTHER, unfinished, 8 h', { type: 'OTHER', ...turn(UNFINISHED, AWAY) }],
    ['OTHER, assessed, 8 h', { type: 'OTHER', ...turn(ASSESSED, AWAY) }],
    ['OTHER, empty, 8 h', { type: 'OTHER', ...turn(EMPTY, AWAY) }],
    simple('STALE'),
    ...turnEnds(snapshot),
  ];
}

function turnEnds(snapshot: SessionSnapshot): Labelled[] {
  const end = (workupChanged: boolean, prompted: boolean): SessionEvent => ({
    type: 'TURN_ENDED',
    now: later(snapshot, 1),
    workupChanged,
    prompted,
  });
  return [
    ['TURN_ENDED, changed, prompted', end(true, true)],
    ['TURN_ENDED, prompted', end(false, true)],
    ['TURN_ENDED, changed', end(true, false)],
    ['TURN_ENDED, nothing', end(false, false)],
  ];
}

/**
 * A state as the rules of a message see it: where it is, and whether older answers are on offer.
 * Whether the disclaimer is owed matters only at the end of a turn, which has its own table.
 */
const keyOf = (snapshot: SessionSnapshot): string =>
  snapshot.context.salvagedCase ? `${stateOf(snapshot)}, older answers` : stateOf(snapshot);

const withDisclaimer = (snapshot: SessionSnapshot, disclaimerShown: boolean): SessionSnapshot =>
  sessionMachine.resolveState({ value: snapshot.value, context: { ...snapshot.context, disclaimerShown } });

/** The decision of the transition XState selects for the event (its `meta`). */
const decisionFor = (snapshot: SessionSnapshot, event: SessionEvent): string | undefined =>
  sessionMachine.getTransitionData(snapshot, event)[0]?.meta?.decision;

const outcome = (snapshot: SessionSnapshot, event: SessionEvent): string => {
  const [next] = transition(sessionMachine, snapshot, event);
  return `${decisionFor(snapshot, event)} -> ${keyOf(next)}`;
};

/** Every reachable state, from a new conversation and from a workup saved by an older version. */
function explore(): Map<string, { snapshot: SessionSnapshot; edges: Map<string, string> }> {
  const seen = new Map<string, { snapshot: SessionSnapshot; edges: Map<string, string> }>();
  const queue: SessionSnapshot[] = [
    startSession({ now: T0 }),
    startSession({ now: T0, welcomeCardShown: true }),
    salvageSession(T0, { alp: { value: 180, unit: 'U/L', uln: 120 } }),
  ];
  while (queue.length > 0) {
    const snapshot = queue.shift() as SessionSnapshot;
    const key = keyOf(snapshot);
    if (seen.has(key)) continue;
    const edges = new Map<string, string>();
    seen.set(key, { snapshot, edges });
    for (const [label, event] of eventsFor(snapshot)) {
      const [next] = transition(sessionMachine, snapshot, event);
      if (event.type !== 'TURN_ENDED') edges.set(label, outcome(snapshot, event));
      queue.push(next);
    }
  }
  return seen;
}

const graph = explore();

describe('the session machine, every reachable state by every event', () => {
  it('handles every event type in every state: none is ignored, so every event has its own decision', () => {
    for (const [name, node] of Object.entries(sessionMachine.root.states)) {
      expect({ name, events: [...node.transitions.keys()].sort() }).toEqual({
        name,
        events: [...SESSION_EVENT_TYPES].sort(),
      });
    }
  });

  it('starts as XState starts it, with or without the welcome card shown', () => {
    for (const input of [{ now: T0 }, { now: T0, welcomeCardShown: true }]) {
      const [initial] = initialTransition(sessionMachine, input);
      const started = startSession(input);
      expect({ value: started.value, context: started.context }).toEqual({
        value: initial.value,
        context: initial.context,
      });
    }
  });

  it('reaches every state it declares', () => {
    const reached = new Set([...graph.values()].map(({ snapshot }) => stateOf(snapshot)));
    expect([...reached].sort()).toEqual(Object.keys(sessionMachine.root.states).sort());
  });

  it('follows the transitions table for every message and click', () => {
    const actual = Object.fromEntries(
      [...graph.entries()].map(([key, { edges }]) => [key, Object.fromEntries(edges)]),
    );
    expect(actual).toEqual(TABLE);
  });

  it('decides on a message alike whether the disclaimer is owed or shown', () => {
    for (const { snapshot } of graph.values()) {
      for (const [label, event] of eventsFor(snapshot).filter(([, event]) => event.type !== 'TURN_ENDED')) {
        const owed = outcome(withDisclaimer(snapshot, false), event);
        expect({ label, shown: outcome(withDisclaimer(snapshot, true), event) }).toEqual({
          label,
          shown: owed,
        });
      }
    }
  });

  it('ends a turn by the end-of-turn table: the disclaimer once, before the first prompt; a change moves updatedAt', () => {
    for (const { snapshot } of graph.values()) {
      const table = stateOf(snapshot) === 'welcome' ? END_OF_TURN_AT_WELCOME : END_OF_TURN;
      for (const disclaimer of ['owed', 'shown'] as const) {
        const at = withDisclaimer(snapshot, disclaimer === 'shown');
        const actual = Object.fromEntries(
          turnEnds(at).map(([label, event]) => {
            const [next] = transition(sessionMachine, at, event);
            const moved = next.context.updatedAt === event.now ? ', updatedAt moved' : '';
            const target = stateOf(next) === stateOf(at) ? 'stays' : stateOf(next);
            return [label, `${decisionFor(at, event)}${moved} -> ${target}`];
          }),
        );
        expect({ state: keyOf(snapshot), disclaimer, actual }).toEqual({
          state: keyOf(snapshot),
          disclaimer,
          actual: table[disclaimer],
        });
      }
    }
  });

  it('advances through the inert scope exactly as transition() does', () => {
    for (const { snapshot } of graph.values()) {
      for (const [, event] of eventsFor(snapshot)) {
        const [expected] = transition(sessionMachine, snapshot, event);
        const advanced = advanceSession(snapshot, event);
        expect({ value: advanced.snapshot.value, context: advanced.snapshot.context }).toEqual({
          value: expected.value,
          context: expected.context,
        });
        expect(advanced.decision).toBe(decisionFor(snapshot, event));
      }
    }
  });

  it('stores and restores every reachable state as it was, as XState would persist it', () => {
    for (const { snapshot } of graph.values()) {
      const viaXState = sessionMachine.getPersistedSnapshot(snapshot);
      expect(JSON.stringify(persistSession(snapshot).session)).toBe(JSON.stringify(viaXState));
      const stored = JSON.parse(JSON.stringify(persistSession(snapshot))) as ReturnType<
        typeof persistSession
      >;
      const restored = restoreSession(stored);
      expect(restored && stateOf(restored)).toBe(stateOf(snapshot));
      expect(restored?.context).toMatchObject(JSON.parse(JSON.stringify(snapshot.context)) as object);
    }
  });
});

/**
 * State by message: "decision -> where the session goes". Read as the specification: this is what
 * a clinician meets in each situation (dialogs/ turns each decision into its replies).
 */
const TABLE: Record<string, Record<string, string>> = {
  welcome: {
    'START typed, unfinished': 'welcome -> inWorkup',
    'START typed, assessed': 'welcome -> inWorkup',
    'START welcome card, unfinished': 'first-question -> inWorkup',
    'START welcome card, empty': 'first-question -> inWorkup',
    'START new button, unfinished': 'welcome -> inWorkup',
    'RESTART, empty': 'restart -> inWorkup',
    'RESTART, unfinished': 'restart -> inWorkup',
    'CANCEL, empty': 'nothing-to-cancel -> welcome',
    'CANCEL, unfinished': 'nothing-to-cancel -> welcome',
    FORGET_ME: 'ask-forget -> confirmingForget',
    CONFIRM: 'stale -> welcome',
    KEEP: 'stale -> welcome',
    RESUME: 'welcome -> inWorkup',
    'ANSWER, 8 h less 1 ms': 'pass -> welcome',
    'ANSWER, 8 h': 'pass -> welcome',
    IMPORT: 'pass -> welcome',
    INVALID: 'pass -> welcome',
    COMMAND: 'pass -> welcome',
    LOOK: 'pass -> welcome',
    'OTHER, unfinished, 8 h less 1 ms': 'welcome -> inWorkup',
    'OTHER, unfinished, 8 h': 'welcome -> inWorkup',
    'OTHER, assessed, 8 h': 'welcome -> inWorkup',
    'OTHER, empty, 8 h': 'welcome -> inWorkup',
    STALE: 'stale -> welcome',
  },
  'salvageOffered, older answers': {
    'START typed, unfinished': 'start-over -> inWorkup',
    'START typed, assessed': 'start-over -> inWorkup',
    'START welcome card, unfinished': 'start-over -> inWorkup',
    'START welcome card, empty': 'start-over -> inWorkup',
    'START new button, unfinished': 'start-over -> inWorkup',
    'RESTART, empty': 'start-over -> inWorkup',
    'RESTART, unfinished': 'start-over -> inWorkup',
    'CANCEL, empty': 'ask-cancel -> confirmingCancel, older answers',
    'CANCEL, unfinished': 'ask-cancel -> confirmingCancel, older answers',
    FORGET_ME: 'ask-forget -> confirmingForget, older answers',
    CONFIRM: 'stale -> salvageOffered, older answers',
    KEEP: 'stale -> salvageOffered, older answers',
    RESUME: 'accept-salvage -> inWorkup',
    'ANSWER, 8 h less 1 ms': 'merge-salvage -> inWorkup',
    'ANSWER, 8 h': 'merge-salvage -> inWorkup',
    IMPORT: 'pass -> salvageOffered, older answers',
    INVALID: 'pass -> salvageOffered, older answers',
    COMMAND: 'pass -> salvageOffered, older answers',
    LOOK: 'pass -> salvageOffered, older answers',
    'OTHER, unfinished, 8 h less 1 ms': 'repeat-offer -> salvageOffered, older answers',
    'OTHER, unfinished, 8 h': 'repeat-offer -> salvageOffered, older answers',
    'OTHER, assessed, 8 h': 'repeat-offer -> salvageOffered, older answers',
    'OTHER, empty, 8 h': 'repeat-offer -> salvageOffered, older answers',
    STALE: 'stale -> salvageOffered, older answers',
  },
  inWorkup: {
    'START typed, unfinished': 'offer-resume -> resumeOffered',
    'START typed, assessed': 'welcome -> inWorkup',
    'START welcome card, unfinished': 'offer-resume -> resumeOffered',
    'START welcome card, empty': 'first-question -> inWorkup',
    'START new button, unfinished': 'welcome -> inWorkup',
    'RESTART, empty': 'restart -> inWorkup',
    'RESTART, unfinished': 'ask-restart -> confirmingRestart',
    'CANCEL, empty': 'cancel -> inWorkup',
    'CANCEL, unfinished': 'ask-cancel -> confirmingCancel',
    FORGET_ME: 'ask-forget -> confirmingForget',
    CONFIRM: 'stale -> inWorkup',
    KEEP: 'stale -> inWorkup',
    RESUME: 'resume -> inWorkup',
    'ANSWER, 8 h less 1 ms': 'pass -> inWorkup',
    'ANSWER, 8 h': 'continue-returning -> inWorkup',
    IMPORT: 'pass -> inWorkup',
    INVALID: 'pass -> inWorkup',
    COMMAND: 'pass -> inWorkup',
    LOOK: 'pass -> inWorkup',
    'OTHER, unfinished, 8 h less 1 ms': 'pass -> inWorkup',
    'OTHER, unfinished, 8 h': 'offer-resume -> resumeOffered',
    'OTHER, assessed, 8 h': 'pass -> inWorkup',
    'OTHER, empty, 8 h': 'pass -> inWorkup',
    STALE: 'stale -> inWorkup',
  },
  confirmingForget: {
    'START typed, unfinished': 'kept -> inWorkup',
    'START typed, assessed': 'kept -> inWorkup',
    'START welcome card, unfinished': 'kept -> inWorkup',
    'START welcome card, empty': 'kept -> inWorkup',
    'START new button, unfinished': 'kept -> inWorkup',
    'RESTART, empty': 'kept -> inWorkup',
    'RESTART, unfinished': 'kept -> inWorkup',
    'CANCEL, empty': 'kept -> inWorkup',
    'CANCEL, unfinished': 'kept -> inWorkup',
    FORGET_ME: 'kept -> inWorkup',
    CONFIRM: 'forget -> welcome',
    KEEP: 'kept -> inWorkup',
    RESUME: 'kept -> inWorkup',
    'ANSWER, 8 h less 1 ms': 'kept-then-pass -> inWorkup',
    'ANSWER, 8 h': 'kept-then-pass -> inWorkup',
    IMPORT: 'kept-then-pass -> inWorkup',
    INVALID: 'kept-then-pass -> inWorkup',
    COMMAND: 'kept-then-pass -> inWorkup',
    LOOK: 'kept-then-pass -> inWorkup',
    'OTHER, unfinished, 8 h less 1 ms': 'kept -> inWorkup',
    'OTHER, unfinished, 8 h': 'kept -> inWorkup',
    'OTHER, assessed, 8 h': 'kept -> inWorkup',
    'OTHER, empty, 8 h': 'kept -> inWorkup',
    STALE: 'stale -> confirmingForget',
  },
  'confirmingCancel, older answers': {
    'START typed, unfinished': 'kept -> salvageOffered, older answers',
    'START typed, assessed': 'kept -> salvageOffered, older answers',
    'START welcome card, unfinished': 'kept -> salvageOffered, older answers',
    'START welcome card, empty': 'kept -> salvageOffered, older answers',
    'START new button, unfinished': 'kept -> salvageOffered, older answers',
    'RESTART, empty': 'kept -> salvageOffered, older answers',
    'RESTART, unfinished': 'kept -> salvageOffered, older answers',
    'CANCEL, empty': 'kept -> salvageOffered, older answers',
    'CANCEL, unfinished': 'kept -> salvageOffered, older answers',
    FORGET_ME: 'kept -> salvageOffered, older answers',
    CONFIRM: 'cancel -> inWorkup',
    KEEP: 'kept -> salvageOffered, older answers',
    RESUME: 'kept -> salvageOffered, older answers',
    'ANSWER, 8 h less 1 ms': 'kept-then-pass -> salvageOffered, older answers',
    'ANSWER, 8 h': 'kept-then-pass -> salvageOffered, older answers',
    IMPORT: 'kept-then-pass -> salvageOffered, older answers',
    INVALID: 'kept-then-pass -> salvageOffered, older answers',
    COMMAND: 'kept-then-pass -> salvageOffered, older answers',
    LOOK: 'kept-then-pass -> salvageOffered, older answers',
    'OTHER, unfinished, 8 h less 1 ms': 'kept -> salvageOffered, older answers',
    'OTHER, unfinished, 8 h': 'kept -> salvageOffered, older answers',
    'OTHER, assessed, 8 h': 'kept -> salvageOffered, older answers',
    'OTHER, empty, 8 h': 'kept -> salvageOffered, older answers',
    STALE: 'stale -> confirmingCancel, older answers',
  },
  'confirmingForget, older answers': {
    'START typed, unfinished': 'kept -> salvageOffered, older answers',
    'START typed, assessed': 'kept -> salvageOffered, older answers',
    'START welcome card, unfinished': 'kept -> salvageOffered, older answers',
    'START welcome card, empty': 'kept -> salvageOffered, older answers',
    'START new button, unfinished': 'kept -> salvageOffered, older answers',
    'RESTART, empty': 'kept -> salvageOffered, older answers',
    'RESTART, unfinished': 'kept -> salvageOffered, older answers',
    'CANCEL, empty': 'kept -> salvageOffered, older answers',
    'CANCEL, unfinished': 'kept -> salvageOffered, older answers',
    FORGET_ME: 'kept -> salvageOffered, older answers',
    CONFIRM: 'forget -> welcome',
    KEEP: 'kept -> salvageOffered, older answers',
    RESUME: 'kept -> salvageOffered, older answers',
    'ANSWER, 8 h less 1 ms': 'kept-then-pass -> salvageOffered, older answers',
    'ANSWER, 8 h': 'kept-then-pass -> salvageOffered, older answers',
    IMPORT: 'kept-then-pass -> salvageOffered, older answers',
    INVALID: 'kept-then-pass -> salvageOffered, older answers',
    COMMAND: 'kept-then-pass -> salvageOffered, older answers',
    LOOK: 'kept-then-pass -> salvageOffered, older answers',
    'OTHER, unfinished, 8 h less 1 ms': 'kept -> salvageOffered, older answers',
    'OTHER, unfinished, 8 h': 'kept -> salvageOffered, older answers',
    'OTHER, assessed, 8 h': 'kept -> salvageOffered, older answers',
    'OTHER, empty, 8 h': 'kept -> salvageOffered, older answers',
    STALE: 'stale -> confirmingForget, older answers',
  },
  resumeOffered: {
    'START typed, unfinished': 'start-over -> inWorkup',
    'START typed, assessed': 'start-over -> inWorkup',
    'START welcome card, unfinished': 'start-over -> inWorkup',
    'START welcome card, empty': 'start-over -> inWorkup',
    'START new button, unfinished': 'start-over -> inWorkup',
    'RESTART, empty': 'start-over -> inWorkup',
    'RESTART, unfinished': 'start-over -> inWorkup',
    'CANCEL, empty': 'cancel -> inWorkup',
    'CANCEL, unfinished': 'ask-cancel -> confirmingCancel',
    FORGET_ME: 'ask-forget -> confirmingForget',
    CONFIRM: 'stale -> resumeOffered',
    KEEP: 'stale -> resumeOffered',
    RESUME: 'resume -> inWorkup',
    'ANSWER, 8 h less 1 ms': 'continue-returning -> inWorkup',
    'ANSWER, 8 h': 'continue-returning -> inWorkup',
    IMPORT: 'pass -> inWorkup',
    INVALID: 'pass -> resumeOffered',
    COMMAND: 'pass -> inWorkup',
    LOOK: 'pass -> resumeOffered',
    'OTHER, unfinished, 8 h less 1 ms': 'repeat-offer -> resumeOffered',
    'OTHER, unfinished, 8 h': 'repeat-offer -> resumeOffered',
    'OTHER, assessed, 8 h': 'repeat-offer -> resumeOffered',
    'OTHER, empty, 8 h': 'repeat-offer -> resumeOffered',
    STALE: 'stale -> resumeOffered',
  },
  confirmingRestart: {
    'START typed, unfinished': 'kept -> inWorkup',
    'START typed, assessed': 'kept -> inWorkup',
    'START welcome card, unfinished': 'kept -> inWorkup',
    'START welcome card, empty': 'kept -> inWorkup',
    'START new button, unfinished': 'kept -> inWorkup',
    'RESTART, empty': 'kept -> inWorkup',
    'RESTART, unfinished': 'kept -> inWorkup',
    'CANCEL, empty': 'kept -> inWorkup',
    'CANCEL, unfinished': 'kept -> inWorkup',
    FORGET_ME: 'kept -> inWorkup',
    CONFIRM: 'restart -> inWorkup',
    KEEP: 'kept -> inWorkup',
    RESUME: 'kept -> inWorkup',
    'ANSWER, 8 h less 1 ms': 'kept-then-pass -> inWorkup',
    'ANSWER, 8 h': 'kept-then-pass -> inWorkup',
    IMPORT: 'kept-then-pass -> inWorkup',
    INVALID: 'kept-then-pass -> inWorkup',
    COMMAND: 'kept-then-pass -> inWorkup',
    LOOK: 'kept-then-pass -> inWorkup',
    'OTHER, unfinished, 8 h less 1 ms': 'kept -> inWorkup',
    'OTHER, unfinished, 8 h': 'kept -> inWorkup',
    'OTHER, assessed, 8 h': 'kept -> inWorkup',
    'OTHER, empty, 8 h': 'kept -> inWorkup',
    STALE: 'stale -> confirmingRestart',
  },
  confirmingCancel: {
    'START typed, unfinished': 'kept -> inWorkup',
    'START typed, assessed': 'kept -> inWorkup',
    'START welcome card, unfinished': 'kept -> inWorkup',
    'START welcome card, empty': 'kept -> inWorkup',
    'START new button, unfinished': 'kept -> inWorkup',
    'RESTART, empty': 'kept -> inWorkup',
    'RESTART, unfinished': 'kept -> inWorkup',
    'CANCEL, empty': 'kept -> inWorkup',
    'CANCEL, unfinished': 'kept -> inWorkup',
    FORGET_ME: 'kept -> inWorkup',
    CONFIRM: 'cancel -> inWorkup',
    KEEP: 'kept -> inWorkup',
    RESUME: 'kept -> inWorkup',
    'ANSWER, 8 h less 1 ms': 'kept-then-pass -> inWorkup',
    'ANSWER, 8 h': 'kept-then-pass -> inWorkup',
    IMPORT: 'kept-then-pass -> inWorkup',
    INVALID: 'kept-then-pass -> inWorkup',
    COMMAND: 'kept-then-pass -> inWorkup',
    LOOK: 'kept-then-pass -> inWorkup',
    'OTHER, unfinished, 8 h less 1 ms': 'kept -> inWorkup',
    'OTHER, unfinished, 8 h': 'kept -> inWorkup',
    'OTHER, assessed, 8 h': 'kept -> inWorkup',
    'OTHER, empty, 8 h': 'kept -> inWorkup',
    STALE: 'stale -> confirmingCancel',
  },
};

/** The end of a turn in every state but the welcome, by whether the disclaimer is still owed. */
const END_OF_TURN: Record<'owed' | 'shown', Record<string, string>> = {
  owed: {
    'TURN_ENDED, changed, prompted': 'show-disclaimer, updatedAt moved -> stays',
    'TURN_ENDED, prompted': 'show-disclaimer -> stays',
    'TURN_ENDED, changed': 'nothing, updatedAt moved -> stays',
    'TURN_ENDED, nothing': 'nothing -> stays',
  },
  shown: {
    'TURN_ENDED, changed, prompted': 'nothing, updatedAt moved -> stays',
    'TURN_ENDED, prompted': 'nothing -> stays',
    'TURN_ENDED, changed': 'nothing, updatedAt moved -> stays',
    'TURN_ENDED, nothing': 'nothing -> stays',
  },
};

/** At the welcome, a turn that changed the workup or showed its question has started it. */
const END_OF_TURN_AT_WELCOME: Record<'owed' | 'shown', Record<string, string>> = {
  owed: {
    'TURN_ENDED, changed, prompted': 'show-disclaimer, updatedAt moved -> inWorkup',
    'TURN_ENDED, prompted': 'show-disclaimer, updatedAt moved -> inWorkup',
    'TURN_ENDED, changed': 'nothing, updatedAt moved -> inWorkup',
    'TURN_ENDED, nothing': 'nothing -> stays',
  },
  shown: {
    'TURN_ENDED, changed, prompted': 'nothing, updatedAt moved -> inWorkup',
    'TURN_ENDED, prompted': 'nothing, updatedAt moved -> inWorkup',
    'TURN_ENDED, changed': 'nothing, updatedAt moved -> inWorkup',
    'TURN_ENDED, nothing': 'nothing -> stays',
  },
};
