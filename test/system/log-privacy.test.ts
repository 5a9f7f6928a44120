import { appProcessForSuite } from './support/app-process-for-suite';
import { WorkupClient, postActivity } from './support/workup-client';
import { EXPECTED_ASSESSMENT, WORKUP_ANSWERS, answer } from './support/workup-script';

jest.setTimeout(120_000);

const RAW_CONVERSATION_ID = 'a:1conversation-RAWID-Qx7pLm';
const RAW_USER_ID = '29:1clinician-RAWID-Vb3nKz';

/** What a patient's or clinician's data looks like in this workup; none of it may reach a log. */
const FORBIDDEN: [string, RegExp][] = [
  ['the ALP value', /\b987\b/],
  ['the ALP upper limit', /\b123\b/],
  ['the calcium value', /\b2\.31\b/],
  ['the baseline ALP', /\b104\b/],
  ['the patient name in the message text', /Zorblax/i],
  ['treatment text', /bortezomib|zoledronic/i],
  ['the raw conversation id', /RAWID-Qx7pLm/],
  ['the raw user id', /RAWID-Vb3nKz/],
];

/**
 * The log as an operator would search it. Timing fields are numbers that can collide with a lab
 * value by chance (a request taking 123 ms), so they are dropped from JSON lines before the search.
 */
function searchableLog(output: string): string {
  return output
    .split('\n')
    .map((line) => {
      try {
        const { time: _time, ms: _ms, pid: _pid, ...rest } = JSON.parse(line) as Record<string, unknown>;
        return JSON.stringify(rest);
      } catch {
        return line;
      }
    })
    .join('\n');
}

describe('the server log at LOG_LEVEL=debug', () => {
  const suite = appProcessForSuite('logs', { env: { LOG_LEVEL: 'debug' } });

  it('holds no lab value, no message text and no raw id after a whole workup, card submits and refused requests', async () => {
    const clinician = new WorkupClient(RAW_CONVERSATION_ID, RAW_USER_ID);
    const shown = await answer(
      clinician,
      [...WORKUP_ANSWERS, 'summary', 'why', 'chart note'],
      () => suite.app().url,
    );
    for (const part of EXPECTED_ASSESSMENT) expect(shown[WORKUP_ANSWERS.length - 1]).toContain(part);

    const byCard = new WorkupClient(`${RAW_CONVERSATION_ID}-cards`, RAW_USER_ID);
    const card = (await byCard.say(suite.app().url, 'start')).buttons.find((data) => data.action === 'next');
    const submitted = await byCard.submit(suite.app().url, {
      ...card,
      'alp.value': '987',
      'alp.unit': 'U/L',
      'alp.uln': '123',
    });
    expect(submitted.shown).toContain('I read: ALP 987 U/L');

    // Refused before any turn: a wrong field type, and a body over the size limit.
    const wrongType = await postActivity(suite.app().url, {
      ...clinician.activity({ text: 'Zorblax ALP 987' }),
      type: 7,
    });
    expect(wrongType.status).toBe(400);
    const oversized = await postActivity(
      suite.app().url,
      clinician.activity({ text: 'Zorblax ALP 987 '.repeat(20_000) }),
    );
    expect(oversized.status).toBe(413);

    // Stopped first: the log is read whole, not while the last requests' lines are still in flight.
    await suite.app().stop();
    const log = searchableLog(suite.app().output());
    // The log is really there and really at debug: every request is in it.
    expect(log.match(/"route":"\/api\/messages"/g)?.length ?? 0).toBeGreaterThanOrEqual(
      WORKUP_ANSWERS.length + 3 + 2,
    );
    const leaks = FORBIDDEN.filter(([, pattern]) => pattern.test(log)).map(([what]) => what);
    expect(leaks).toEqual([]);
  });
});
