import fc from 'fast-check';
import { checkPartialCase, validateCase, type PartialCase } from '../../src/clinical';

fc.configureGlobal({ seed: 20261201 });

/*
 * A case made of members that passed before (the old case's labs and groups) is checked only in
 * its new members. Whatever the answer, the result must be the one a check of the same values,
 * freshly parsed from JSON with nothing to reuse, gives: the same case, or the same problems in
 * the same order.
 */

const member = {
  alp: [{ value: 180, unit: 'U/L', uln: 120 }, { value: 3.1, unit: 'ukat/L', uln: 2.2 }, { value: -4 }],
  alt: [{ value: 30, uln: 40 }, { value: 30, unit: 'mg/dL' }, { value: 'thirty' }, { value: 900000 }],
  ggt: [
    { value: 45, uln: 60 },
    { value: 45, uln: 0 },
    { value: 45, uln: 9000 },
  ],
  bilirubinTotal: [
    { value: 1.1, unit: 'mg/dL', uln: 1.2 },
    { value: 20, unit: 'umol/L', uln: 21 },
  ],
  bilirubinDirect: [
    { value: 0.2, unit: 'mg/dL' },
    { value: 5, unit: 'mg/dL' },
  ],
  calcium: [
    { value: 2.4, unit: 'mmol/L', uln: 2.6 },
    { value: 9.8, unit: 'mg/dL', uln: 10.5 },
  ],
  inr: [1.1, 0.05, '1.1'],
  therapy: [{ agent: 'bortezomib', weeksOnTherapy: 8 }, { steroids: true }, { agent: 'aspirin' }],
  history: [
    { ageYears: 67 },
    { fasting: true, ageYears: 300 },
    { pregnancyTrimester: 1.5 },
    { fastng: true },
  ],
  isoenzymes: [
    { bonePercent: 60, liverPercent: 60 },
    { bonePercent: 70, liverPercent: 30 },
  ],
  symptoms: [{ fever: false, jaundice: false }, { fever: 'no' }],
  ama: ['negative', 'maybe'],
  gtt: [{ value: 3 }],
} as const;

type Field = keyof typeof member;
const FIELDS = Object.keys(member) as Field[];

const someMembers = fc
  .subarray(FIELDS, { minLength: 1, maxLength: 6 })
  .chain((fields) =>
    fc.tuple(
      ...fields.map((field) => fc.constantFrom(...member[field]).map((value) => [field, value] as const)),
    ),
  )
  .map((entries) => Object.fromEntries(entries) as Record<string, unknown>);

/** The same answer merged as the conversation merges it: groups member by member, labs whole. */
function merged(base: PartialCase, values: Record<string, unknown>): Record<string, unknown> {
  const whole: Record<string, unknown> = { ...base };
  for (const [field, value] of Object.entries(values)) {
    const group = ['therapy', 'history', 'symptoms', 'isoenzymes'].includes(field);
    whole[field] = group
      ? { ...((base as Record<string, unknown>)[field] ?? {}), ...(value as object) }
      : value;
  }
  return whole;
}

const fresh = (input: unknown): unknown => JSON.parse(JSON.stringify(input)) as unknown;

describe('a case checked again in its new members only', () => {
  it.each([
    ['checkPartialCase', checkPartialCase],
    ['validateCase', validateCase],
  ] as const)('%s gives what a check of the whole case from JSON gives', (_name, checkCase) => {
    let reused = 0;
    fc.assert(
      fc.property(someMembers, someMembers, (first, answer) => {
        const base = checkPartialCase(first);
        if (!base.ok) return;
        const input = merged(base.value, answer);
        if (
          Object.keys(base.value).some(
            (field) => input[field] === (base.value as Record<string, unknown>)[field],
          )
        )
          reused += 1;
        const incremental = checkCase(input);
        const whole = checkCase(fresh(input));
        expect(incremental).toEqual(whole);
        if (incremental.ok && whole.ok) {
          expect(JSON.stringify(incremental.value)).toBe(JSON.stringify(whole.value));
          expect(Object.isFrozen(incremental.value)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
    // The property is about reuse: many runs must have had members to reuse.
    expect(reused).toBeGreaterThan(50);
  });

  it('does not trust a member that passed as another field', () => {
    const passed = checkPartialCase({ bilirubinTotal: { value: 20, unit: 'umol/L', uln: 21 } });
    if (!passed.ok) throw new Error('the bilirubin did not pass');
    const asAlt = checkPartialCase({ alt: passed.value.bilirubinTotal });
    expect(asAlt.ok).toBe(false);
    expect(asAlt).toEqual(checkPartialCase({ alt: { value: 20, unit: 'umol/L', uln: 21 } }));
  });

  it('still refuses a case whose new member contradicts one that passed (direct above total bilirubin)', () => {
    const passed = checkPartialCase({ bilirubinTotal: { value: 1.1, unit: 'mg/dL', uln: 1.2 } });
    if (!passed.ok) throw new Error('the bilirubin did not pass');
    const result = checkPartialCase({ ...passed.value, bilirubinDirect: { value: 5, unit: 'mg/dL' } });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((problem) => problem.field)).toEqual(['bilirubinDirect.value']);
  });
});
