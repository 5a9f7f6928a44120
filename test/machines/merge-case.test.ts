import { mergeCase } from '../../machines/merge-case';

describe('mergeCase', () => {
  it('merges answer groups member by member', () => {
    const merged = mergeCase(
      { history: { ageYears: 67, fasting: false } },
      { history: { fasting: true, pregnant: false } },
    );
    expect(merged).toEqual({ history: { ageYears: 67, fasting: true, pregnant: false } });
  });

  it('replaces a lab result whole, so an old ULN never sticks to a new value', () => {
    const merged = mergeCase({ ggt: { value: 30, unit: 'U/L', uln: 60 } }, { ggt: { value: 45 } });
    expect(merged).toEqual({ ggt: { value: 45 } });
  });

  it('never erases an answer with undefined', () => {
    const merged = mergeCase(
      { alt: { value: 25, uln: 40 }, symptoms: { fever: false } },
      { alt: undefined, symptoms: { fever: undefined, jaundice: true } },
    );
    expect(merged).toEqual({ alt: { value: 25, uln: 40 }, symptoms: { fever: false, jaundice: true } });
  });

  it('does not change its inputs', () => {
    const base = { therapy: { agent: 'bortezomib' as const } };
    mergeCase(base, { therapy: { weeksOnTherapy: 6 } });
    expect(base).toEqual({ therapy: { agent: 'bortezomib' } });
  });
});
