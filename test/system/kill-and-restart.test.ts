import { appProcessForSuite } from './support/app-process-for-suite';
import { openStorageUnderTest, type StorageKind } from './support/storage-under-test';
import { WorkupClient, type Turn } from './support/workup-client';
import {
  EXPECTED_ASSESSMENT,
  VALUES_AFTER_TWO_ANSWERS,
  WORKUP_ANSWERS,
  answer,
} from './support/workup-script';

jest.setTimeout(180_000);

const CLINICIAN = 'clinician-restart';

/**
 * An uninterrupted run of the same workup, with "summary" after the first and second answers:
 * what a conversation interrupted by a crash must show from the point where it resumes.
 */
interface ReferenceRun {
  answers: string[];
  summaryAfterOne: string;
  summaryAfterTwo: string;
}

async function referenceRun(url: string): Promise<ReferenceRun> {
  const client = new WorkupClient('reference-conversation', CLINICIAN);
  const [first = ''] = await answer(client, WORKUP_ANSWERS.slice(0, 1), () => url);
  const summaryAfterOne = (await client.say(url, 'summary')).shown;
  const [second = ''] = await answer(client, WORKUP_ANSWERS.slice(1, 2), () => url);
  const summaryAfterTwo = (await client.say(url, 'summary')).shown;
  const rest = await answer(client, WORKUP_ANSWERS.slice(2), () => url);
  return { answers: [first, second, ...rest], summaryAfterOne, summaryAfterTwo };
}

describe.each<StorageKind>(['SQLite', 'PostgreSQL'])('kill -9 of the server mid-workup on %s', (kind) => {
  const suite = appProcessForSuite(`restart-${kind.toLowerCase()}`, {
    storage: (dataDir) => openStorageUnderTest(kind, dataDir),
  });
  let reference: ReferenceRun;

  beforeAll(async () => {
    reference = await referenceRun(suite.app().url);
  });

  it('loses nothing that was answered: after a restart the same conversation continues where it was', async () => {
    const before = suite.app();
    const clinician = new WorkupClient('conversation-killed-between-turns', CLINICIAN);
    const answered = await answer(clinician, WORKUP_ANSWERS.slice(0, 2), () => before.url);
    expect(answered).toEqual(reference.answers.slice(0, 2));
    await before.kill();

    const after = await suite.startAgain();
    const summary = (await clinician.say(after.url, 'summary')).shown;
    for (const value of VALUES_AFTER_TWO_ANSWERS) expect(summary).toContain(value);
    expect(summary).toBe(reference.summaryAfterTwo);

    const continued = await answer(clinician, WORKUP_ANSWERS.slice(2), () => after.url);
    expect(continued).toEqual(reference.answers.slice(2));
    for (const part of EXPECTED_ASSESSMENT) expect(continued.at(-1)).toContain(part);
  });

  it('leaves a turn cut off by kill -9 either wholly applied or not at all, and applied if it was answered', async () => {
    const during = suite.app();
    const clinician = new WorkupClient('conversation-killed-during-a-turn', CLINICIAN);
    await answer(clinician, WORKUP_ANSWERS.slice(0, 1), () => during.url);

    const inFlight: Promise<Turn | 'no answer'> = clinician
      .say(during.url, WORKUP_ANSWERS[1])
      .catch(() => 'no answer' as const);
    await during.kill();
    const outcome = await inFlight;

    const after = await suite.startAgain();
    const summary = (await clinician.say(after.url, 'summary')).shown;
    expect([reference.summaryAfterOne, reference.summaryAfterTwo]).toContain(summary);
    if (outcome !== 'no answer') expect(summary).toBe(reference.summaryAfterTwo);

    if (summary === reference.summaryAfterOne) await clinician.say(after.url, WORKUP_ANSWERS[1]);
    const continued = await answer(clinician, WORKUP_ANSWERS.slice(2), () => after.url);
    expect(continued).toEqual(reference.answers.slice(2));
  });
});
