import {
  checkPartialCase,
  FIELD_INFO,
  LAB_FIELDS,
  SCALAR_FIELDS,
  validateCase,
  type LabField,
  type ScalarField,
} from '../../src/clinical';

const baseCase = { alp: { value: 180, unit: 'U/L', uln: 120 } };

function withValue(field: LabField | ScalarField, value: number): Record<string, unknown> {
  const info = FIELD_INFO[field];
  const input: Record<string, unknown> = structuredClone(baseCase);
  if (info.isLab) {
    const uln = info.ulnRange === undefined ? undefined : (info.ulnRange.min + info.ulnRange.max) / 2;
    input[field] = { value, unit: info.units[0], ...(uln === undefined ? {} : { uln }) };
    return input;
  }
  const [head, tail] = field.split('.') as [string, string | undefined];
  input[head] = tail === undefined ? value : { [tail]: value };
  return input;
}

const problemsOf = (input: unknown) => {
  const result = validateCase(input);
  return result.ok ? [] : result.problems;
};

const valuePath = (field: LabField | ScalarField) => (FIELD_INFO[field].isLab ? `${field}.value` : field);

describe('plausible ranges, at every boundary', () => {
  const fields = [...LAB_FIELDS, ...SCALAR_FIELDS];
  /** The trimester is a whole number, so its neighbours are one apart. */
  const step = (field: string) => (field === 'history.pregnancyTrimester' ? 1 : 0.001);

  it.each(fields)('%s: accepts the maximum and refuses just above it', (field) => {
    const { max } = FIELD_INFO[field];
    expect(problemsOf(withValue(field, max))).toEqual([]);
    const above = problemsOf(withValue(field, max + step(field)));
    expect(above).toHaveLength(1);
    expect(above[0]?.field).toBe(valuePath(field));
    expect(above[0]?.message).toContain(FIELD_INFO[field].label);
    expect(above[0]?.message).toContain('plausible range');
  });

  it.each(fields)('%s: the minimum is accepted unless exclusive, just below is refused', (field) => {
    const { min, minExclusive } = FIELD_INFO[field];
    expect(problemsOf(withValue(field, min))).toHaveLength(minExclusive ? 1 : 0);
    expect(problemsOf(withValue(field, min + step(field)))).toEqual([]);
    const below = problemsOf(withValue(field, min - step(field)));
    expect(below).toHaveLength(1);
    expect(below[0]?.field).toBe(valuePath(field));
  });

  it.each(fields)('%s: refuses a negative value in words a clinician acts on', (field) => {
    const [problem] = problemsOf(withValue(field, -5));
    expect(problem?.field).toBe(valuePath(field));
    expect(problem?.message).toMatch(/can't be negative|outside the plausible range/);
  });
});

describe('ULN checks', () => {
  it('refuses an ALP of -5 the way the conversation shows it', () => {
    expect(problemsOf({ alp: { value: -5, unit: 'U/L', uln: 120 } })).toEqual([
      {
        field: 'alp.value',
        message: "ALP can't be negative: enter it as reported, e.g. ALP 180 U/L, ULN 120.",
      },
    ]);
  });

  it.each([0, -1])('refuses a ULN of %d', (uln) => {
    const [problem] = problemsOf({ alp: { value: 180, unit: 'U/L', uln } });
    expect(problem?.field).toBe('alp.uln');
    expect(problem?.message).toContain('ULN must be above 0');
  });

  it('accepts an ALP without a ULN (the assessment then asks for it)', () => {
    expect(validateCase({ alp: { value: 180, unit: 'U/L' } }).ok).toBe(true);
  });

  it('catches a ULN typed in another unit than its value', () => {
    const [problem] = problemsOf({ alp: { value: 5, unit: 'µkat/L', uln: 120 } });
    expect(problem?.field).toBe('alp.uln');
    expect(problem?.message).toContain('same unit as the value');
    expect(problemsOf({ alp: { value: 5, unit: 'µkat/L', uln: 2.2 } })).toEqual([]);
  });

  it.each(LAB_FIELDS.filter((f) => FIELD_INFO[f].ulnRange !== undefined))(
    '%s: ULN range boundaries',
    (field) => {
      const info = FIELD_INFO[field];
      const range = info.ulnRange ?? { min: 0, max: 0 };
      const at = (uln: number) => ({ ...baseCase, [field]: { value: range.min, unit: info.units[0], uln } });
      expect(problemsOf(at(range.min))).toEqual([]);
      expect(problemsOf(at(range.max))).toEqual([]);
      expect(problemsOf(at(range.min - 0.001))[0]?.field).toBe(`${field}.uln`);
      expect(problemsOf(at(range.max + 0.001))[0]?.field).toBe(`${field}.uln`);
    },
  );
});

describe('schema problems are named and explained', () => {
  it('requires ALP', () => {
    expect(problemsOf({})).toEqual([
      { field: 'alp', message: 'ALP is required: enter it as reported, e.g. ALP 180 U/L, ULN 120.' },
    ]);
  });

  it('names the accepted units for an unknown unit', () => {
    const [problem] = problemsOf({ alp: { value: 180, unit: 'mg/dL' } });
    expect(problem).toEqual({
      field: 'alp.unit',
      message: 'ALP unit "mg/dL" is not accepted: use U/L, IU/L, ukat/L, µkat/L, μkat/L.',
    });
  });

  it('refuses non-numbers, including what JSON cannot carry', () => {
    for (const value of ['180', null, Number.NaN, Number.POSITIVE_INFINITY]) {
      const [problem] = problemsOf({ alp: { value, unit: 'U/L' } });
      expect(problem?.field).toBe('alp.value');
      expect(problem?.message).toContain('ALP must be a finite number');
    }
  });

  it('explains booleans, enums and lab objects', () => {
    expect(problemsOf({ ...baseCase, symptoms: { fever: 'yes' } })[0]).toEqual({
      field: 'symptoms.fever',
      message: 'symptoms.fever must be true or false (got "yes").',
    });
    expect(problemsOf({ ...baseCase, imaging: { ultrasound: 'bad' } })[0]?.message).toContain(
      '"dilated-ducts"',
    );
    expect(problemsOf({ ...baseCase, ggt: 40 })[0]?.message).toContain('GGT must be a lab result');
  });

  it('checks consistency between fields', () => {
    const direct = problemsOf({
      ...baseCase,
      bilirubinTotal: { value: 1, unit: 'mg/dL', uln: 1.2 },
      bilirubinDirect: { value: 2, unit: 'mg/dL', uln: 0.3 },
    });
    expect(direct.map((p) => p.field)).toEqual(['bilirubinDirect.value']);
    const iso = problemsOf({ ...baseCase, isoenzymes: { bonePercent: 80, liverPercent: 40 } });
    expect(iso.map((p) => p.field)).toEqual(['isoenzymes']);
    expect(problemsOf({ ...baseCase, history: { pregnancyTrimester: 2.5 } }).map((p) => p.field)).toEqual([
      'history.pregnancyTrimester',
    ]);
  });
});

describe('unknown field names', () => {
  it('are refused, with the intended field when only the case differs', () => {
    expect(problemsOf({ ...baseCase, GGT: { value: 30, unit: 'U/L', uln: 60 } })).toEqual([
      { field: 'GGT', message: '"GGT" is not a case field (did you mean "ggt"?).' },
    ]);
  });

  it('are found inside nested answers too, listing the known ones', () => {
    const [problem] = problemsOf({ ...baseCase, symptoms: { feverish: true } });
    expect(problem?.field).toBe('symptoms.feverish');
    expect(problem?.message).toContain('known fields here: fever, jaundice');
  });

  it('name an empty key visibly', () => {
    expect(problemsOf({ ...baseCase, '': 1 }).map((p) => p.field)).toEqual(['""']);
  });

  it('are refused in a partial case as well', () => {
    const result = checkPartialCase({ bilirubin: { value: 1 } });
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['bilirubin']);
  });
});

describe('checkPartialCase', () => {
  it('accepts what the conversation has so far, ALP included or not', () => {
    expect(checkPartialCase({})).toEqual({ ok: true, value: {} });
    expect(checkPartialCase({ ggt: { value: 30, unit: 'U/L', uln: 60 } }).ok).toBe(true);
  });

  it('applies the same unit and plausibility checks', () => {
    const result = checkPartialCase({ ggt: { value: -1, unit: 'U/L', uln: 60 } });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['ggt.value']);
  });
});
