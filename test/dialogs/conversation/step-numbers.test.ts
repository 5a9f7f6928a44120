import { ConversationDriver, shownText, type BotReply, type Submit } from '../../bot/conversation-harness';

/**
 * The step numbers a clinician reads, through whole workups of the real bot. Each row names what
 * the turn shows: a question card's heading, the red-flag alert, the waiting card or the
 * assessment. Besides the headings written here, every path is checked for the rules the numbers
 * follow: going forward the step goes up by exactly one, a new total comes only on a card that says
 * the route changed, and only the rows that expect such a note show one.
 */

type Shows = `Step ${number} of ${number} · ${string}` | 'alert' | 'waiting' | 'assessment';

interface Row {
  say?: string;
  submit?: Submit;
  shows: Shows;
  /** Back and edit move to an earlier question: the number does not go up. */
  backwards?: true;
  /** Part of what the card says about a changed route; rows without it must show no such note. */
  routeChange?: string;
}

const ROUTE_CHANGED = 'That answer changed the route';

const questionHeading = (replies: BotReply[]): string | undefined => {
  for (const reply of replies) {
    const first = reply.card?.body?.[0] as { text?: unknown } | undefined;
    const live = (reply.card?.actions?.length ?? 0) > 0;
    if (live && typeof first?.text === 'string' && first.text.startsWith('Step ')) return first.text;
  }
  return undefined;
};

const whatIsShown = (replies: BotReply[]): string => {
  const heading = questionHeading(replies);
  if (heading !== undefined) return heading;
  const shown = shownText(replies);
  if (shown.includes('Urgent: red flag')) return 'alert';
  if (shown.includes('To order:')) return 'waiting';
  if (shown.includes('Assessment')) return 'assessment';
  return shown;
};

const numbersOf = (heading: string): { number: number; of: number } => {
  const match = /^Step (\d+) of (\d+) · /.exec(heading);
  return { number: Number(match?.[1]), of: Number(match?.[2]) };
};

async function walk(rows: readonly Row[]): Promise<void> {
  const driver = new ConversationDriver();
  let previous: { number: number; of: number } | undefined;
  for (const [index, row] of rows.entries()) {
    const replies = row.submit ? await driver.submit(row.submit) : await driver.say(row.say ?? '');
    const shown = shownText(replies);
    const input = row.say ?? `[${row.submit?.action ?? ''}]`;
    expect({ index, input, shows: whatIsShown(replies) }).toEqual({ index, input, shows: row.shows });
    expect({ index, routeChanged: shown.includes(ROUTE_CHANGED) }).toEqual({
      index,
      routeChanged: row.routeChange !== undefined,
    });
    if (row.routeChange !== undefined) {
      expect({ index, shown }).toEqual({ index, shown: expect.stringContaining(row.routeChange) });
    }
    if (!row.shows.startsWith('Step ')) continue;
    const now = numbersOf(row.shows);
    if (previous !== undefined) {
      const rules = {
        index,
        input,
        goesUpByOne: row.backwards === true || now.number === previous.number + 1,
        newTotalIsExplained: now.of === previous.of || shown.includes(ROUTE_CHANGED),
      };
      expect(rules).toEqual({ index, input, goesUpByOne: true, newTotalIsExplained: true });
    }
    previous = now;
  }
}

const ALP_CARD = { 'alp.value': '180', 'alp.unit': 'U/L', 'alp.uln': '120', 'alpBaseline.value': '100' };

const PATHS: Array<[string, Row[]]> = [
  [
    'bone branch by cards, with a step back',
    [
      { say: 'start', shows: 'Step 1 of 6 · ALP' },
      { submit: { action: 'next', inputs: ALP_CARD }, shows: 'Step 2 of 6 · Red-flag screen' },
      { submit: { action: 'none' }, shows: 'Step 3 of 6 · Liver panel and calcium' },
      {
        say: 'ALT 25/40 AST 22/40 bili 0.6 mg/dL (1.2), INR 1.0, Ca 2.3 mmol/L (ULN 2.6), albumin 40 g/L',
        shows: 'Step 4 of 6 · Treatment and context',
      },
      {
        submit: {
          action: 'next',
          inputs: {
            'therapy.agent': 'bortezomib',
            'history.recentFracture': 'no',
            'history.sex': 'male',
            'history.ageYears': '67',
            'history.fasting': 'yes',
          },
        },
        shows: 'Step 5 of 6 · Liver or bone?',
      },
      { say: 'back', shows: 'Step 4 of 6 · Treatment and context', backwards: true },
      { say: 'bortezomib week 6', shows: 'Step 5 of 6 · Liver or bone?' },
      { say: 'GGT 30 ULN 60', shows: 'Step 6 of 6 · Bone causes' },
      {
        submit: {
          action: 'next',
          inputs: { 'history.knownBoneDisease': 'yes', 'history.bisphosphonate': 'yes' },
        },
        shows: 'assessment',
      },
    ],
  ],
  [
    'hepatic branch by text: the origin swaps the bone branch for liver imaging, the ultrasound adds the AMA',
    [
      { say: 'start', shows: 'Step 1 of 6 · ALP' },
      { say: 'ALP 300 U/L (ULN 120)', shows: 'Step 2 of 6 · Red-flag screen' },
      { say: 'none of these', shows: 'Step 3 of 6 · Liver panel and calcium' },
      {
        say: 'ALT 30/40 AST 35/40 bili 0.8 mg/dL (1.2), INR 1.0, Ca 2.3 mmol/L (ULN 2.6), albumin 40 g/L',
        shows: 'Step 4 of 6 · Treatment and context',
      },
      { say: 'no treatment, no fracture, not pregnant, fasting', shows: 'Step 5 of 6 · Liver or bone?' },
      {
        say: 'GGT 200 ULN 60, no alcohol, no enzyme inducing drugs',
        shows: 'Step 6 of 6 · Right upper quadrant ultrasound',
        routeChange: 'it adds right upper quadrant ultrasound; bone causes no longer needed',
      },
      {
        say: 'ultrasound normal',
        shows: 'Step 7 of 7 · Antimitochondrial antibody',
        routeChange: 'it adds antimitochondrial antibody',
      },
      { say: 'AMA negative', shows: 'assessment' },
    ],
  ],
  [
    'red flags: the screen comes second, an alert interrupts, the count carries on',
    [
      { say: 'start', shows: 'Step 1 of 6 · ALP' },
      {
        say: 'alk phos 5.0 ukat/L (ULN 2.2), ALT 30/40, AST 35/40, T bili 30 umol/L (ULN 21), GGT 200 (ULN 60)',
        shows: 'Step 2 of 6 · Red-flag screen',
        routeChange: 'it adds right upper quadrant ultrasound; bone causes no longer needed',
      },
      { say: 'fever', shows: 'alert' },
      { say: 'acknowledged', shows: 'Step 3 of 6 · Liver panel and calcium' },
      {
        say: 'INR 1.0, Ca 2.3 mmol/L (ULN 2.6), albumin 40 g/L',
        shows: 'Step 4 of 6 · Treatment and context',
      },
      { say: 'bortezomib week 6, not pregnant, fasting', shows: 'Step 5 of 6 · Liver or bone?' },
      { say: 'no alcohol, no enzyme inducing drugs', shows: 'Step 6 of 6 · Right upper quadrant ultrasound' },
      { say: 'ultrasound: dilated ducts', shows: 'assessment' },
    ],
  ],
  [
    'pause for results: "not done yet" parks the workup, the result carries on at the next step',
    [
      { say: 'start', shows: 'Step 1 of 6 · ALP' },
      {
        say: 'ALP 180 U/L (ULN 120), ALT 25/40, AST 22/40, bili 0.6 mg/dL (1.2)',
        shows: 'Step 2 of 6 · Red-flag screen',
      },
      { say: 'none of these', shows: 'Step 3 of 6 · Liver panel and calcium' },
      { say: 'Ca 2.3 mmol/L (ULN 2.6), INR 1.0', shows: 'Step 4 of 6 · Treatment and context' },
      { say: 'no treatment, no fracture, not pregnant, fasting', shows: 'Step 5 of 6 · Liver or bone?' },
      { say: 'not done yet', shows: 'waiting' },
      { say: 'GGT 45 ULN 60', shows: 'Step 6 of 6 · Bone causes' },
      { say: 'no known bone disease, no bisphosphonate', shows: 'assessment' },
    ],
  ],
];

describe('step numbers are positions on the machine route', () => {
  it.each(PATHS)('%s', async (_name, rows) => {
    await walk(rows);
  });
});
