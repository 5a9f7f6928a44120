import { COMMANDS_LINE, HELP_TEXT, TERMS_TEXT } from '../../../dialogs/presentation/help-text';
import { hintForStep } from '../../../dialogs/text/step-hints';
import { STEP_IDS } from '../../../machines';

// Web Chat and Teams render message text as markdown and drop anything that looks like an HTML
// tag: "edit <test>" would reach the clinician as "edit ".
const HTML_LIKE = /<[a-z/!][^>]*>/i;

describe('texts survive markdown rendering', () => {
  it.each([
    ['help', HELP_TEXT],
    ['commands', COMMANDS_LINE],
    ['terms', TERMS_TEXT],
  ])('%s has nothing a renderer would take for an HTML tag', (_name, text) => {
    expect(text).not.toMatch(HTML_LIKE);
  });

  it.each(STEP_IDS)('the hint at %s has nothing a renderer would take for an HTML tag', (step) => {
    expect(hintForStep(step)).not.toMatch(HTML_LIKE);
  });
});
