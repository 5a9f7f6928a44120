import type { StepId } from '../../machines';
import { quotedInput } from '../presentation/quoted-input';

/**
 * What to type at each step when a reply was not understood: an example that would have worked,
 * so unknown text leads somewhere instead of a dead end. Keys are the machine's step ids.
 */
const STEP_HINTS: Readonly<Record<StepId, string>> = {
  alp: 'Enter the ALP as reported, for example "ALP 180 U/L, ULN 120" (µkat/L works too).',
  context:
    'Tell me the treatment and context, for example "bortezomib week 6 with dex, no fracture, not pregnant, fasting"; "no" answers every yes/no question no, and "not sure" moves on.',
  redFlags:
    'Name any of these that are present now, for example "fever and jaundice" or "temp 38.5, WBC 12.3, CRP 45 mg/L", or say "none of these".',
  liverPanel:
    'Enter the liver tests as reported, for example "ALT 35/40, AST 30/40, bili 0.8 mg/dL (ULN 1.2), INR 1.0, Ca 2.4 mmol/L", or say "not done yet".',
  origin:
    'Enter GGT, 5\'-nucleotidase, isoenzymes or bone-specific ALP, for example "GGT 45 ULN 60" or "bone ALP 40 ug/L (ULN 20)", and say if there is alcohol use or an enzyme-inducing drug, or "not done yet".',
  hepaticImaging:
    'Enter the ultrasound result, for example "ultrasound: dilated ducts", "US normal" or "CBD stone", or say "not done yet".',
  hepaticAma:
    'Enter the AMA result, for example "AMA positive" or "AMA negative", and any of amyloidosis, heart failure, liver span ("liver span 18 cm"), or say "not done yet".',
  bone: 'Answer in words, for example "known lytic lesions, on zoledronic acid, no fracture, CKD", or give the ALP before treatment ("baseline ALP 100").',
  urgent: 'Type "acknowledged" to continue the workup once you have acted on the warning, or "help".',
  awaitingResults:
    'Type a result when you have it, for example "GGT 45 ULN 60" or "ultrasound: dilated ducts", or "resume" to continue without it.',
  assessment: 'Type "why", "chart note", "edit [test]" (for example "edit ALT") or "new" for a new workup.',
};

export function hintForStep(step: StepId): string {
  return STEP_HINTS[step];
}

export function hintForUnknownEditName(name: string): string {
  return `I don't know which answer ${quotedInput(name)} is. Try for example "edit ALP", "edit bilirubin", "edit treatment" or "edit ultrasound".`;
}
