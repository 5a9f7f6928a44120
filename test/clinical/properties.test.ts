import fc from 'fast-check';
import {
  assess,
  AssessmentSchema,
  FIELD_INFO,
  LAB_FIELDS,
  THERAPY_AGENTS,
  SEXES,
  ULTRASOUND_RESULTS,
  validateCase,
  type LabField,
} from '../../src/clinical';

// A fixed seed keeps the suite deterministic; change it locally to explore other inputs.
fc.configureGlobal({ seed: 20251125 });

/** A value inside [min, max] kept a hair away from the edges, so unit round trips cannot step outside. */
const within = (min: number, max: number) =>
  fc.double({ min: min + (max - min) * 1e-4 + 1e-9, max: max - (max - min) * 1e-4, noNaN: true });

/** A plausible lab result in any accepted unit, with or without a plausible ULN in the same unit. */
function labResult(field: LabField) {
  const info = FIELD_INFO[field];
  return fc
    .record({
      canonical: within(info.min, info.max),
      unit: fc.constantFrom(...info.units),
      uln:
        info.ulnRange === undefined
          ? fc.constant(undefined)
          : fc.option(within(info.ulnRange.min, info.ulnRange.max)),
    })
    .map(({ canonical, unit, uln }) => {
      const factor = info.factors[unit] ?? 1;
      return {
        value: canonical / factor,
        unit,
        ...(uln === undefined || uln === null ? {} : { uln: uln / factor }),
      };
    });
}

const scalar = (path: keyof typeof FIELD_INFO) => within(FIELD_INFO[path].min, FIELD_INFO[path].max);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const labs = Object.fromEntries(LAB_FIELDS.map((field) => [field, maybe(labResult(field))]));

const validCase = fc
  .record({
    ...labs,
    alp: labResult('alp'),
    inr: maybe(scalar('inr')),
    temperatureC: maybe(scalar('temperatureC')),
    wbc: maybe(scalar('wbc')),
    heatStableAlpPercent: maybe(scalar('heatStableAlpPercent')),
    isoenzymes: maybe(
      fc.tuple(within(0, 1), within(0, 1), within(0, 1), within(0, 1)).map(([a, b, c, d]) => {
        const total = a + b + c + d;
        return {
          bonePercent: (a / total) * 100,
          liverPercent: (b / total) * 100,
          intestinalPercent: (c / total) * 100,
          placentalPercent: (d / total) * 100,
        };
      }),
    ),
    therapy: maybe(
      fc.record(
        {
          agent: fc.constantFrom(...THERAPY_AGENTS),
          weeksOnTherapy: scalar('therapy.weeksOnTherapy'),
          steroids: fc.boolean(),
          melphalan: fc.boolean(),
          newDrug: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    ),
    history: maybe(
      fc.record(
        {
          recentFracture: fc.boolean(),
          knownBoneDisease: fc.boolean(),
          bisphosphonate: fc.boolean(),
          denosumabStopped: fc.boolean(),
          sex: fc.constantFrom(...SEXES),
          pregnant: fc.boolean(),
          pregnancyTrimester: fc.integer({ min: 1, max: 3 }),
          ageYears: scalar('history.ageYears'),
          fasting: fc.boolean(),
          alcohol: fc.boolean(),
          enzymeInducingDrugs: fc.boolean(),
          amyloidosis: fc.boolean(),
          heartFailure: fc.boolean(),
          renalImpairment: fc.boolean(),
          liverSpanCm: scalar('history.liverSpanCm'),
          persistentElevation: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    ),
    symptoms: maybe(
      fc.record(
        {
          fever: fc.boolean(),
          jaundice: fc.boolean(),
          rightUpperQuadrantPain: fc.boolean(),
          newBonePain: fc.boolean(),
          neuroDeficit: fc.boolean(),
          confusion: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    ),
    imaging: maybe(fc.record({ ultrasound: fc.constantFrom(...ULTRASOUND_RESULTS) }, { requiredKeys: [] })),
    ama: maybe(fc.constantFrom('positive' as const, 'negative' as const)),
  })
  .map((c) => JSON.parse(JSON.stringify(c)) as unknown);

function valueAt(input: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => {
    return node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }, input);
}

describe('assess, for any case that passes validation', () => {
  it('never throws, returns a schema-valid assessment, and is deterministic', () => {
    fc.assert(
      fc.property(validCase, (input) => {
        const result = validateCase(input);
        fc.pre(result.ok);
        if (!result.ok) return;
        const assessment = assess(result.value);
        expect(AssessmentSchema.parse(assessment)).toEqual(assessment);
        expect(assess(result.value)).toEqual(assessment);
        expect(assessment.urgent).toBe(assessment.redFlags.length > 0);
        expect(assessment.findings.map((f) => f.id)).toContain('F-1');
      }),
      { numRuns: 200 },
    );
  });

  it('lists in missing only fields whose value is not known', () => {
    fc.assert(
      fc.property(validCase, (input) => {
        const result = validateCase(input);
        fc.pre(result.ok);
        if (!result.ok) return;
        const { missing } = assess(result.value);
        expect(new Set(missing).size).toBe(missing.length);
        expect(missing.filter((path) => valueAt(result.value, path) !== undefined)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('calls the origin bone only with a marker or a physiological reason', () => {
    fc.assert(
      fc.property(validCase, (input) => {
        const result = validateCase(input);
        fc.pre(result.ok);
        if (!result.ok) return;
        const c = result.value;
        const hasMarker =
          c.ggt?.uln !== undefined ||
          c.nucleotidase5?.uln !== undefined ||
          c.boneSpecificAlp?.uln !== undefined ||
          c.isoenzymes !== undefined ||
          c.heatStableAlpPercent !== undefined ||
          (c.history?.ageYears ?? 99) < 18;
        expect(assess(c).origin === 'bone' && !hasMarker).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});

/** Cases near the red-flag thresholds, every lab with its ULN: where removing a ULN could matter. */
const nearRedFlags = fc
  .record({
    alp: fc.tuple(within(40, 1500), within(40, 150)),
    alt: fc.tuple(within(5, 3000), within(10, 60)),
    ast: fc.tuple(within(5, 3000), within(10, 60)),
    ggt: fc.tuple(within(5, 600), within(10, 300)),
    bilirubinTotal: fc.tuple(within(0.2, 8), within(0.3, 1.3)),
    calcium: fc.tuple(within(8, 13), within(8, 12)),
    inr: maybe(within(0.8, 3)),
    fever: fc.boolean(),
    jaundice: maybe(fc.boolean()),
    pregnant: maybe(fc.boolean()),
  })
  .map(({ inr, fever, jaundice, pregnant, ...values }) => {
    const labs = Object.fromEntries(
      Object.entries(values).map(([field, [value, uln]]) => [
        field,
        { value, unit: FIELD_INFO[field as LabField].units[0], uln },
      ]),
    );
    return {
      ...labs,
      ...(inr === undefined ? {} : { inr }),
      symptoms: { fever, ...(jaundice === undefined ? {} : { jaundice }) },
      ...(pregnant === undefined ? {} : { history: { pregnant } }),
    } as unknown;
  });

/** The wording of a recommendation to give a bone-targeted drug, as the rules word it. */
const RECOMMENDS_BONE_TARGETED_DRUG =
  /zoledronic acid preferred|IV bisphosphonate or denosumab|bone-targeted (therapy|drug)/i;

describe('safety properties (decisions 11 and 12)', () => {
  it('removing any ULN never turns an urgent assessment into one that neither flags it nor asks that ULN first, naming the flag', () => {
    let urgentCases = 0;
    let stillUrgent = 0;
    let askedInstead = 0;
    fc.assert(
      fc.property(fc.oneof(nearRedFlags, validCase), (input) => {
        const result = validateCase(input);
        fc.pre(result.ok);
        if (!result.ok) return;
        const before = assess(result.value);
        if (!before.urgent) return;
        urgentCases += 1;
        for (const field of LAB_FIELDS) {
          const lab = result.value[field] as { uln?: number } | undefined;
          if (lab?.uln === undefined) continue;
          const { uln: _removed, ...withoutUln } = lab;
          const after = assess({ ...result.value, [field]: withoutUln });
          if (after.urgent) {
            stillUrgent += 1;
            continue;
          }
          askedInstead += 1;
          const u6 = after.findings.find((finding) => finding.id === 'U-6');
          expect(u6?.text).toContain(`${FIELD_INFO[field].label} `);
          expect(after.missing.slice(0, 3)).toContain(`${field}.uln`);
        }
      }),
      { numRuns: 400 },
    );
    expect(urgentCases).toBeGreaterThan(50);
    expect(stillUrgent).toBeGreaterThan(50);
    expect(askedInstead).toBeGreaterThan(5);
  });

  it('no case with pregnant: true yields a bisphosphonate or denosumab recommendation without the specialist caution', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.oneof(nearRedFlags, validCase), fc.boolean(), (input, knownBoneDisease) => {
        const raw = input as { history?: Record<string, unknown> };
        const pregnantCase = { ...raw, history: { ...raw.history, pregnant: true, knownBoneDisease } };
        const result = validateCase(pregnantCase);
        fc.pre(result.ok);
        if (!result.ok) return;
        const a = assess(result.value);
        for (const finding of [...a.redFlags, ...a.findings]) {
          if (!/bisphosphonate|denosumab|zoledron/i.test(finding.text)) continue;
          checked += 1;
          // Naming the drugs as a cause (a denosumab stop) or as a confounder is not recommending them.
          if (!RECOMMENDS_BONE_TARGETED_DRUG.test(finding.text)) continue;
          expect(finding.text).toMatch(/specialist/);
          expect(finding.text).not.toMatch(/zoledronic acid preferred|IV bisphosphonate or denosumab/);
        }
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(20);
  });
});

describe('invalid input', () => {
  it('is refused with problems that each name a field and say why, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), fc.record({ alp: fc.anything() })), (input) => {
        const result = validateCase(input);
        if (result.ok) return;
        expect(result.problems.length).toBeGreaterThan(0);
        for (const problem of result.problems) {
          expect(problem.field).toMatch(/\S/);
          expect(problem.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses an out-of-range lab value and names that lab', () => {
    const outside = fc
      .constantFrom(...LAB_FIELDS)
      .chain((field) =>
        fc.tuple(
          fc.constant(field),
          fc.oneof(
            fc.double({ min: -1e6, max: -1e-6, noNaN: true }),
            fc.double({ min: FIELD_INFO[field].max * 1.001, max: 1e9, noNaN: true }),
          ),
        ),
      );
    fc.assert(
      fc.property(validCase, outside, (input, [field, value]) => {
        const broken = {
          ...(input as Record<string, unknown>),
          [field]: { value, unit: FIELD_INFO[field].units[0] },
        };
        const result = validateCase(broken);
        expect(result.ok).toBe(false);
        expect(result.ok ? [] : result.problems.map((p) => p.field)).toContain(`${field}.value`);
      }),
      { numRuns: 150 },
    );
  });
});
