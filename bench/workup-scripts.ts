/**
 * Scripted workups the load generators replay, one conversation per workup. They are the
 * clinician's side of real workups (typed answers and pasted reports), so every turn parses,
 * runs the machine and the engine, renders cards and reads and writes storage. The numbers vary
 * from one workup to the next, within the range that keeps each workup on its branch, so the
 * server sees many different patients rather than one case repeated.
 */
export interface ScriptedTurn {
  /** The clinician's message in the n-th workup of this script. */
  text: (n: number) => string;
}

/** A value from `from` to `to` in `steps` even steps, chosen by the workup number. */
const vary = (n: number, from: number, to: number, steps: number): number =>
  Number((from + (((n * 7919) % steps) * (to - from)) / (steps - 1)).toPrecision(3));

const fixed = (text: string): ScriptedTurn => ({ text: () => text });

export const BONE_BRANCH_BY_TEXT: ScriptedTurn[] = [
  fixed('start'),
  { text: (n) => `ALP ${vary(n, 150, 235, 18)} U/L (ULN 120), baseline ALP ${vary(n, 80, 118, 20)}` },
  {
    text: (n) =>
      `bortezomib week ${vary(n, 4, 12, 9)}, steroids yes, no recent fracture, not pregnant, fasting sample`,
  },
  fixed('none of these'),
  {
    text: (n) =>
      `ALT ${vary(n, 12, 38, 14)}/40 AST ${vary(n, 14, 36, 12)}/40 bili ${vary(n, 0.3, 1.1, 9)} mg/dL (1.2) ` +
      `INR ${vary(n, 0.9, 1.1, 3)} calcium ${vary(n, 8.8, 10.2, 8)} mg/dL (10.5)`,
  },
  { text: (n) => `GGT ${vary(n, 15, 55, 9)} ULN 60` },
  fixed('no known bone disease, on zoledronic acid, denosumab not stopped, no renal impairment'),
  fixed('why'),
  fixed('chart note'),
];

export const HEPATIC_BRANCH_SI_UNITS: ScriptedTurn[] = [
  {
    text: (n) =>
      `alk phos ${vary(n, 4.5, 6.5, 11)} ukat/L (ULN 2.2), ALT ${vary(n, 20, 38, 10)}/40, AST ${vary(n, 20, 38, 10)}/40, ` +
      `T bili ${vary(n, 24, 40, 9)} umol/L (ULN 21), GGT ${vary(n, 150, 300, 16)} (ULN 60)`,
  },
  fixed('none of these'),
  fixed('ultrasound: dilated ducts'),
  {
    text: (n) =>
      `bortezomib week ${vary(n, 4, 16, 13)}, no new drugs, steroids yes, not pregnant, no alcohol, no heart failure`,
  },
  {
    text: (n) =>
      `direct bili ${vary(n, 8, 18, 11)} umol/L (ULN 5), INR ${vary(n, 0.9, 1.2, 4)}, ` +
      `calcium ${vary(n, 2.2, 2.55, 8)} mmol/L (ULN 2.6), albumin ${vary(n, 32, 44, 7)} g/L`,
  },
  fixed('no enzyme-inducing drugs'),
  fixed('summary'),
];

export const WORKUP_SCRIPTS: ScriptedTurn[][] = [BONE_BRANCH_BY_TEXT, HEPATIC_BRANCH_SI_UNITS];

/** Every scripted turn in order, workup after workup: one pass of a load-generator connection. */
export const TURN_SEQUENCE: { script: number; turn: ScriptedTurn; first: boolean }[] = WORKUP_SCRIPTS.flatMap(
  (turns, script) => turns.map((turn, index) => ({ script, turn, first: index === 0 })),
);
