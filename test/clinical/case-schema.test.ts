import { CaseSchema, PartialCaseSchema } from '../../src/clinical/case-schema';

describe('CaseSchema', () => {
  it('requires only alp', () => {
    expect(CaseSchema.safeParse({ alp: { value: 180, unit: 'U/L', uln: 120 } }).success).toBe(true);
    expect(CaseSchema.safeParse({}).success).toBe(false);
  });

  it('refuses a unit it does not know', () => {
    const result = CaseSchema.safeParse({ alp: { value: 180, unit: 'mg/dL' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['alp', 'unit']);
  });

  it('accepts an empty partial case', () => {
    expect(PartialCaseSchema.safeParse({}).success).toBe(true);
  });
});
