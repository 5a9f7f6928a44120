import { getAdjacencyMap, type AdjacencyMap, type AdjacencyValue } from 'xstate/graph';
import { transition } from 'xstate';
import type { PartialCase } from '../../src/clinical';
import { fieldsAnsweredBy, isKnown } from '../../machines/case-fields';
import { currentStep } from '../../machines/current-step';
import { persistWorkup, restoreWorkup, type WorkupSnapshot } from '../../machines/persistence';
import { isQuestionStep, STEP_FIELDS, type StepId } from '../../machines/steps';
import type { WorkupEvent } from '../../machines/workup-events';
import { workupMachine } from '../../machines/workup-machine';
import { assessWorkup } from '../../machines/with-case';
import { storedContext } from '../../machines/workup-context';
import { neededFields } from '../../machines/workup-progress';
import {
  ALP_HIGH,
  ALP_RAISED,
  CHOLESTATIC_PANEL,
  GGT_NORMAL,
  GGT_RAISED,
  NORMAL_LIVER_PANEL,
  NO_SYMPTOMS,
  RED_FLAG_ANSWERS,
  ULTRASOUND_NORMAL,
} from './payloads';

type Graph = AdjacencyMap<WorkupSnapshot, WorkupEvent>;

/**
 * States differ by where they are and what they hold. The revision counter would make every state
 * new, and the order the same questions were gone through in changes nothing but BACK's target,
 * which the BACK test checks on each concrete edge.
 */
function serializeState(snapshot: WorkupSnapshot): string {
  const {
    case: values,
    answered,
    skipped,
    pending,
    asked,
    acknowledgedRedFlags,
    reviewing,
  } = snapshot.context;
  const sorted = (list: readonly string[]) => [...list].sort();
  return JSON.stringify([
    snapshot.value,
    values,
    sorted(answered),
    sorted(skipped),
    sorted(pending),
    sorted(asked),
    sorted(acknowledgedRedFlags),
    reviewing,
  ]);
}

/**
 * The forward alphabet: each representative answer not yet given, plus the moves each state
 * offers. Re-sending an answer already recorded only repeats a state, so it is left out.
 */
function forwardEvents(payloads: readonly PartialCase[]) {
  return (snapshot: WorkupSnapshot): WorkupEvent[] => {
    const answers: WorkupEvent[] = payloads
      .filter((values) => !fieldsAnsweredBy(values).every((field) => isKnown(snapshot.context.case, field)))
      .map((values) => ({ type: 'ANSWER', values }));
    if (isQuestionStep(snapshot.value)) answers.push({ type: 'SKIP' }, { type: 'NOT_DONE' });
    if (snapshot.value === 'awaitingResults') answers.push({ type: 'RESUME' });
    if (snapshot.value === 'urgent') answers.push({ type: 'ACK_RED_FLAG' });
    return answers;
  };
}

const TERMINAL: readonly StepId[] = ['assessment', 'awaitingResults'];

interface Scenario {
  payloads: readonly PartialCase[];
  /** Where exploration stops: always the assessment; for the largest alphabet, the pause too. */
  stopAt: readonly StepId[];
}

function explore({ payloads, stopAt }: Scenario): Graph {
  return getAdjacencyMap(workupMachine, {
    events: forwardEvents(payloads),
    serializeState,
    stopWhen: (snapshot) => stopAt.includes(currentStep(snapshot)),
    limit: 10000,
  });
}

const SCENARIOS: Record<string, Scenario> = {
  'bone branch': {
    payloads: [ALP_RAISED, NO_SYMPTOMS, NORMAL_LIVER_PANEL, GGT_NORMAL],
    stopAt: ['assessment'],
  },
  'hepatic branch': {
    payloads: [ALP_HIGH, CHOLESTATIC_PANEL, GGT_RAISED, ULTRASOUND_NORMAL],
    stopAt: ['assessment', 'awaitingResults'],
  },
  'red flags': {
    payloads: [ALP_RAISED, RED_FLAG_ANSWERS.hysLaw ?? {}, RED_FLAG_ANSWERS.hypercalcaemia ?? {}, NO_SYMPTOMS],
    stopAt: ['assessment'],
  },
};

function edgesOf(
  node: AdjacencyValue<WorkupSnapshot, WorkupEvent>,
): Array<{ event: WorkupEvent; state: WorkupSnapshot }> {
  return Object.values(node.transitions);
}

/** Edges that leave a state for a different one (an ignored event loops in place). */
function movesFrom(graph: Graph, key: string): Array<{ event: WorkupEvent; target: string }> {
  const node = graph[key as keyof Graph];
  if (node === undefined) return [];
  return edgesOf(node)
    .map(({ event, state }) => ({ event, target: serializeState(state) }))
    .filter(({ target }) => target !== key);
}

describe.each(Object.entries(SCENARIOS))('the %s graph', (_name, scenario) => {
  const graph = explore(scenario);
  const keys = Object.keys(graph);
  const snapshots = Object.values(graph).map((node) => node.state);

  it('reaches every step the scenario is about', () => {
    expect(new Set(snapshots.map(currentStep)).size).toBeGreaterThanOrEqual(7);
  });

  it('has a way forward from every state short of the assessment', () => {
    const stuck = keys.filter((key) => {
      const state = graph[key as keyof Graph]?.state;
      return (
        state !== undefined &&
        !scenario.stopAt.includes(currentStep(state)) &&
        movesFrom(graph, key).length === 0
      );
    });
    expect(stuck).toEqual([]);
  });

  it('reaches the assessment or a pause for results on every path: no cycle avoids them', () => {
    const done = new Set<string>();
    const onPath = new Set<string>();
    const cycles: string[] = [];
    const visit = (key: string): void => {
      if (done.has(key)) return;
      const state = graph[key as keyof Graph]?.state;
      if (state === undefined || TERMINAL.includes(currentStep(state))) {
        done.add(key);
        return;
      }
      onPath.add(key);
      for (const { target } of movesFrom(graph, key)) {
        if (onPath.has(target)) cycles.push(`${key} -> ${target}`);
        else visit(target);
      }
      onPath.delete(key);
      done.add(key);
    };
    keys.forEach(visit);
    expect(cycles).toEqual([]);
    expect(snapshots.some((snapshot) => snapshot.value === 'assessment')).toBe(true);
  });

  it('asks the red-flag screen and the values that decide a red flag before the treatment context, on every path', () => {
    const later: readonly StepId[] = ['context', 'origin', 'hepaticImaging', 'hepaticAma', 'bone'];
    const atLater = snapshots.filter((snapshot) => later.includes(snapshot.value));
    const unasked = atLater.flatMap((snapshot) => {
      const { context } = snapshot;
      const redFlagInputs = [...neededFields(context, 'redFlags'), ...neededFields(context, 'liverPanel')];
      const never = redFlagInputs.filter((field) => !context.asked.includes(field));
      return never.length === 0 ? [] : [`${snapshot.value}: ${never.join(', ')} never asked`];
    });
    expect(unasked).toEqual([]);
    expect(atLater.some((snapshot) => snapshot.value === 'context')).toBe(true);
    // Nothing reaches the treatment context before the red-flag screen and the liver panel were shown.
    const contextFirst = atLater.filter(
      (snapshot) =>
        snapshot.value === 'context' &&
        !(['redFlags', 'liverPanel'] as const).every(
          (step) =>
            snapshot.context.answered.includes(step) || neededFields(snapshot.context, step).length === 0,
        ),
    );
    expect(contextFirst.map(serializeState)).toEqual([]);
  });

  it('returns, on BACK, to the question just answered, skipped or left for later', () => {
    let checked = 0;
    const wrong: string[] = [];
    for (const node of Object.values(graph)) {
      const from = node.state;
      const question = currentStep(from);
      if (!isQuestionStep(question)) continue;
      for (const { event, state: to } of edgesOf(node)) {
        const answersIt =
          event.type !== 'ANSWER' ||
          STEP_FIELDS[question].some((field) => fieldsAnsweredBy(event.values).includes(field));
        if (!answersIt || to.value === from.value || to.value === 'urgent') continue;
        const back = transition(workupMachine, to, { type: 'BACK' })[0];
        if (back.value !== from.value || back.context.case !== to.context.case) {
          wrong.push(`${serializeState(to)}: BACK went to ${back.value}, expected ${from.value}`);
        }
        checked += 1;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });

  it('goes to the urgent state for a new red flag, whatever step it arrives in', () => {
    const samplesPerStep = new Map<StepId, number>();
    const arrivals = new Set<StepId>();
    for (const snapshot of snapshots.filter((candidate) => candidate.context.case.alp !== undefined)) {
      const seen = samplesPerStep.get(snapshot.value) ?? 0;
      if (seen >= 4) continue;
      samplesPerStep.set(snapshot.value, seen + 1);
      for (const values of Object.values(RED_FLAG_ANSWERS)) {
        const after = transition(workupMachine, snapshot, { type: 'ANSWER', values })[0];
        if (after.context.revision === snapshot.context.revision) continue;
        const raised = assessWorkup(after.context.case)?.redFlags.map((flag) => flag.id) ?? [];
        const isNew = raised.some((id) => !snapshot.context.acknowledgedRedFlags.includes(id));
        if (!isNew) continue;
        expect([snapshot.value, after.value]).toEqual([snapshot.value, 'urgent']);
        arrivals.add(snapshot.value);
      }
    }
    expect([...arrivals].sort()).toEqual([...samplesPerStep.keys()].sort());
  });

  it("persists every reachable state exactly as XState's getPersistedSnapshot does, key order included", () => {
    const differing = snapshots.filter((snapshot) => {
      const theirs = workupMachine.getPersistedSnapshot({
        ...snapshot,
        context: storedContext(snapshot.context),
      } as WorkupSnapshot);
      return JSON.stringify(persistWorkup(snapshot).snapshot) !== JSON.stringify(theirs);
    });
    expect(snapshots.length).toBeGreaterThan(0);
    expect(differing.map(serializeState)).toEqual([]);
  });

  it('round-trips every reachable state through JSON', () => {
    const lost = snapshots.filter((snapshot) => {
      const restored = restoreWorkup(JSON.parse(JSON.stringify(persistWorkup(snapshot))));
      return (
        !restored.ok ||
        JSON.stringify(restored.snapshot.context) !== JSON.stringify(snapshot.context) ||
        restored.snapshot.value !== snapshot.value
      );
    });
    expect(lost.map(serializeState)).toEqual([]);
  });
});
