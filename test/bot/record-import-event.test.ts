import { ActivityTypes } from 'botbuilder';
import { RECORD_IMPORT_EVENT } from '../../dialogs/record-import-event';
import { bortezomibWeek6, NOW } from '../fhir/support/myeloma-bundles';
import { resourcesOf } from '../server/cds-hooks/support/prefetch';
import { ConversationDriver, TestClock } from './conversation-harness';

/** The page's import reaches the bot as an event activity; other events change nothing. */

test('the import event is answered with what was read and audited as an import; a redelivery is not applied twice', async () => {
  const driver = new ConversationDriver({ channelId: 'directline', now: new TestClock(NOW).now });
  const event = {
    type: ActivityTypes.Event,
    name: RECORD_IMPORT_EVENT,
    value: {
      fhirServer: 'https://ehr.example.org/fhir',
      lookbackDays: 30,
      resources: resourcesOf(bortezomibWeek6()),
    },
  };
  const replies = await driver.send({ ...event, id: 'import-1' });
  const shown = replies.map((reply) => reply.shown).join('\n');
  expect(shown).toContain('I read from the record: ALP 190 U/L (ULN 120, 29 Nov)');
  expect(shown).toContain('Red-flag screen');
  const again = await driver.send({ ...event, id: 'import-1' });
  expect(again.map((reply) => reply.shown).join('\n')).toContain('I read from the record');
  const entries = await driver.audit.query();
  expect(entries.map((entry) => entry.event)).toEqual(['import-record']);
});

test('an event of another name is ignored', async () => {
  const driver = new ConversationDriver({ channelId: 'directline' });
  const replies = await driver.send({ type: ActivityTypes.Event, name: 'webchat/join', value: {} });
  expect(replies).toEqual([]);
});
