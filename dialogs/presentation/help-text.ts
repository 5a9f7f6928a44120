/** The fixed texts: scope, commands, help and terms. */

export const SCOPE_LINE = 'Decision support for clinicians, not a diagnosis.';

export const PASTE_HINT =
  'Paste a lab report at any time, e.g. "ALP 412 U/L (ULN 120), ALT 35/40, GGT 22, bili 0.8 mg/dL": I fill in every value it names.';

export const COMMANDS_LINE = 'Commands: help, back, edit [test], summary, why, restart, forget me.';

/**
 * Web Chat and Teams render a reply as markdown, where a single line break is a space and a line
 * after a list runs on into its last item: paragraphs are separated by a blank line.
 */
export const HELP_TEXT = [
  'I walk you through a raised ALP in a patient with multiple myeloma: the pattern, whether it comes from liver or bone, red flags, the CTCAE v5 grade and the next step, each with its source.',
  'Answer on the cards or type. You can paste a whole lab report; units (U/L, µkat/L, mg/dL, µmol/L) and "ULN" or "value/ULN" forms are understood.',
  [
    'Commands:',
    '- help: this message',
    '- start or new: a new workup',
    '- back: the previous question',
    '- edit [test]: change an answer, e.g. "edit ALT"',
    '- skip: leave an optional question',
    '- not done yet: a test is pending; I keep the workup open and list what to order',
    '- summary: what you have entered so far',
    '- why: the reasoning behind the conclusions, with sources',
    '- chart note: a plain-text note for the record',
    '- restart: clear this workup and begin again (I ask first)',
    '- cancel: clear this workup without starting another (I ask first)',
    '- terms: scope and data use',
    '- forget me: delete your workups and audit entries in every chat (I ask first)',
  ].join('\n'),
  SCOPE_LINE,
].join('\n\n');

export const TERMS_TEXT = [
  'Scope: this bot supports qualified healthcare professionals in working up a raised alkaline phosphatase in multiple myeloma. It is decision support, not a diagnosis, and it does not replace clinical judgement or the primary sources it cites.',
  'Content: rules come from the cited guidelines and studies; each conclusion shows its source and evidence level (guideline, study, expert convention or extrapolated). Where the source article differs from its primary source, "why" says so.',
  'Data: enter lab values and clinical answers only, never names or identifiers. Your workup is stored so you can come back to it; "forget me" deletes your workups. Audit records keep hashed ids and outcomes, never your text or values.',
].join('\n\n');
