/**
 * Scripted workups the load generator replays, one conversation per pass. They are the
 * clinician's side of real workups (typed answers and pasted reports), so every turn parses,
 * runs the machine and the engine, renders cards and reads and writes storage.
 */
export interface ScriptedTurn {
  text: string;
}

export const BONE_BRANCH_BY_TEXT: ScriptedTurn[] = [
  { text: 'start' },
  { text: 'ALP 180 U/L (ULN 120), baseline ALP 100' },
  { text: 'bortezomib week 6, steroids yes, no recent fracture, not pregnant, fasting sample' },
  { text: 'none of these' },
  { text: 'ALT 25/40 AST 22/40 bili 0.6 mg/dL (1.2) INR 1.0 calcium 9.4 mg/dL (10.5)' },
  { text: 'GGT 30 ULN 60' },
  { text: 'why' },
  { text: 'chart note' },
];

export const HEPATIC_BRANCH_SI_UNITS: ScriptedTurn[] = [
  {
    text: 'alk phos 5.0 ukat/L (ULN 2.2), ALT 30/40, AST 35/40, T bili 30 umol/L (ULN 21), GGT 200 (ULN 60)',
  },
  { text: 'none of these' },
  { text: 'ultrasound: dilated ducts' },
  { text: 'summary' },
];

export const WORKUP_SCRIPTS: ScriptedTurn[][] = [BONE_BRANCH_BY_TEXT, HEPATIC_BRANCH_SI_UNITS];

/** Every scripted turn in order, workup after workup: one pass of a load-generator connection. */
export const TURN_SEQUENCE: { script: number; turn: ScriptedTurn; first: boolean }[] = WORKUP_SCRIPTS.flatMap(
  (turns, script) => turns.map((turn, index) => ({ script, turn, first: index === 0 })),
);
