import { redFlagSuspicions, type Assessment, type PartialCase } from '../../src/clinical';
import { fieldNames } from './field-names';
import { capitalise, joinProse } from './format';

/**
 * "Jaundice with confusion: acute liver failure is suspected. Needed now to confirm or exclude
 * it: the INR (AASLD/EASL acute liver failure definition)." Said at once when the symptoms are
 * ticked, before the workup asks anything else; a red flag the engine has already raised is left
 * to its alert.
 */
export const redFlagSuspicionLines = (known: PartialCase, assessment: Assessment | undefined): string[] => {
  const raised = new Set(assessment?.redFlags.map((flag) => flag.id) ?? []);
  return redFlagSuspicions(known)
    .filter((suspicion) => !raised.has(suspicion.ruleId))
    .map(
      (suspicion) =>
        `${capitalise(suspicion.because)}: ${suspicion.suspected} is suspected. Needed now to confirm or exclude it: ${joinProse(
          fieldNames(suspicion.needed).map((name) => `the ${name}`),
        )} (${suspicion.source}).`,
    );
};

/**
 * "Without the INR, acute liver failure (suspected from jaundice with confusion) can be neither
 * confirmed nor excluded. Needed now: the INR (...)." Said when the clinician answers "I don't know"
 * or "not done yet" to a question whose `unanswered` fields decide a suspected red flag, so moving on
 * never passes over it in silence.
 */
export const undecidedSuspicionLines = (known: PartialCase, unanswered: readonly string[]): string[] =>
  redFlagSuspicions(known)
    .filter((suspicion) => suspicion.needed.some((path) => unanswered.includes(path)))
    .map((suspicion) => {
      const needed = joinProse(fieldNames(suspicion.needed).map((name) => `the ${name}`));
      return `Without ${needed}, ${suspicion.suspected} (suspected from ${suspicion.because}) can be neither confirmed nor excluded. Needed now: ${needed} (${suspicion.source}).`;
    });
