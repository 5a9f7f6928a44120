import { caseSummaryText } from './cards/case-summary';
import { runningInterpretation } from './presentation/assessment-lines';
import { chartNote } from './presentation/chart-note';
import { fieldNames } from './presentation/field-names';
import { joinProse } from './presentation/format';
import { whyText } from './presentation/why-text';
import { STEP_TEXT } from './presentation/steps';
import { fieldsFromRecord, isQuestionStep, type WorkupContext } from '../machines';
import type { RecordSources } from './presentation/chart-note';
import type { Reply } from './turn-input';
import { assessmentOf, contextOf, stepOf, type WorkupSession } from './workup-session';

/** The "summary", "why" and "chart note" replies: what is known and concluded so far, on demand. */

export function summaryReply(session: WorkupSession): Reply {
  const context = contextOf(session);
  const assessment = assessmentOf(session);
  const lines = [caseSummaryText(context.case)];
  if (assessment) lines.push(`So far: ${runningInterpretation(assessment)}`);
  if (context.pending.length > 0) lines.push(`Waiting for: ${joinProse(fieldNames(context.pending))}.`);
  // Blank lines between the blocks: in markdown a line after the list would run on into its last item.
  return { text: lines.join('\n\n') };
}

export function whyReply(session: WorkupSession): Reply {
  const assessment = assessmentOf(session);
  if (assessment) return { text: whyText(assessment) };
  const step = stepOf(session);
  const reason = isQuestionStep(step) ? ` This question: ${STEP_TEXT[step].intro}` : '';
  return { text: `There is no conclusion to explain yet: the ALP result comes first.${reason}` };
}

function recordSources(context: WorkupContext): RecordSources | undefined {
  const imported = context.fromRecord;
  if (imported === undefined) return undefined;
  return {
    readAt: imported.readAt,
    fields: fieldsFromRecord(context).map((path) => ({
      path,
      date: imported.dates.find((entry) => entry.path === path)?.date ?? imported.readAt,
    })),
  };
}

export function chartNoteReply(session: WorkupSession): Reply {
  const assessment = assessmentOf(session);
  if (!assessment) return { text: 'There is nothing to note yet: enter the ALP result first.' };
  // A code block keeps the note's line breaks and makes it one click to copy in Teams and Web Chat.
  return {
    text: `Chart note, ready to copy:\n\`\`\`\n${chartNote(contextOf(session).case, assessment, recordSources(contextOf(session)))}\n\`\`\``,
  };
}
