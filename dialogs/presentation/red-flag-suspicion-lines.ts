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
