import { ConversationDriver } from '../../bot/conversation-harness';
import { playConversation, type Exchange } from './conversation-table';

interface RedFlagCase {
  name: string;
  /** What the clinician types; the last message raises the flag. */
  says: string[];
  /** What the alert must say: the finding, the action and the source. */
  alert: string[];
}

const RED_FLAGS: RedFlagCase[] = [
  {
    name: "Hy's law",
    says: ['ALP 150 (120), ALT 200 (40), AST 180 (40), bili 3.0 mg/dL (1.2)'],
    alert: ["possible Hy's law", 'same-day hepatology review', 'FDA DILI guidance 2009'],
  },
  {
    name: 'acute cholangitis',
    says: ['ALP 400 U/L (ULN 120), bili 2.5 mg/dL (ULN 1.2), temp 38.6, WBC 14'],
    alert: ['Suspected acute cholangitis', 'biliary drainage', 'Tokyo Guidelines 2018'],
  },
  {
    name: 'acute liver failure',
    says: ['ALP 200 U/L (ULN 120), INR 1.8', 'confusion'],
    alert: ['Possible acute liver failure', 'transplant centre', 'AASLD/EASL'],
  },
  {
    name: 'hypercalcaemia',
    says: ['ALP 200 U/L (ULN 120), Ca 3.1 mmol/L (ULN 2.6)'],
    alert: ['Hypercalcaemia of myeloma', 'IV fluids', 'IMWG 2014'],
  },
  {
    name: 'suspected fracture (new bone pain alone, decision 18)',
    says: ['ALP 200 U/L (ULN 120)', 'new bone pain'],
    alert: ['Suspected pathological fracture', 'urgent imaging of the painful site', 'IMWG imaging 2019'],
  },
  {
    name: 'cord compression (a neurological deficit, decision 18)',
    says: ['ALP 200 U/L (ULN 120)', 'new leg weakness'],
    alert: ['spinal cord compression', 'emergency whole-spine MRI and dexamethasone', 'NICE NG234'],
  },
  {
    name: 'massive aminotransferases',
    says: ['ALP 200 U/L (ULN 120), ALT 900/40, AST 700/40'],
    alert: ['Massive aminotransferase rise', 'acetaminophen', 'ACG 2017'],
  },
];

describe('red flags interrupt the workup at once', () => {
  it.each(RED_FLAGS)('$name', async ({ says, alert }) => {
    const lead: Exchange[] = says.slice(0, -1).map((say) => ({ say, expect: ['Step'] }));
    const exchanges: Exchange[] = [
      ...lead,
      {
        say: says[says.length - 1] as string,
        expect: ['Urgent: red flag', ...alert, 'Acknowledged, continue the workup'],
      },
      // Until acknowledged, the alert stays: an answer elsewhere does not bury it.
      { say: 'summary', expect: ['Entered so far', 'We are at the red-flag alert'] },
      { say: 'acknowledged', expect: ['Step'], absent: ['Urgent: red flag'] },
    ];
    await playConversation(new ConversationDriver(), exchanges);
  });

  it('raises a new red flag found on a later answer, even mid-question', async () => {
    await playConversation(new ConversationDriver(), [
      { say: 'ALP 200 U/L (ULN 120), ALT 30/40', expect: ['Step 2 of 6'] },
      { submit: { action: 'back' }, expect: ['Step 1 of 6 · ALP'] },
      { say: 'Ca 3.1 mmol/L (ULN 2.6)', expect: ['Urgent: red flag', 'Hypercalcaemia of myeloma'] },
      { submit: { action: 'ack' }, expect: ['Step'], absent: ['Urgent: red flag'] },
      // The acknowledged flag does not interrupt again; a different one does.
      {
        say: 'ALT 900/40',
        expect: ['Urgent: red flag', 'Massive aminotransferase rise'],
        absent: ['Hypercalcaemia of myeloma'],
      },
    ]);
  });
});
