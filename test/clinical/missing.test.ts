import type { Case } from '../../src/clinical';
import { assessValid, bili, boneCase, lab, liverCase, normalLiverPanel } from './support/cases';

const missing = (c: Case) => assessValid(c).missing;
const before = (list: string[], first: string, second: string) => {
  expect(list).toContain(first);
  expect(list).toContain(second);
  expect(list.indexOf(first)).toBeLessThan(list.indexOf(second));
};

describe('missing: what would change the conclusion, most useful first', () => {
  it("asks for the ALP's ULN before anything else when it is not known", () => {
    expect(missing({ alp: { value: 180, unit: 'U/L' }, ...normalLiverPanel })[0]).toBe('alp.uln');
  });

  it('asks for GGT first when an isolated rise has no origin yet', () => {
    expect(missing({ alp: lab(180, 120), ...normalLiverPanel })[0]).toBe('ggt');
  });

  it('asks the red-flag questions before the origin when the liver panel is not known', () => {
    const list = missing({ alp: lab(180, 120) });
    expect(list.slice(0, 5)).toEqual([
      'symptoms.fever',
      'symptoms.jaundice',
      'symptoms.confusion',
      'symptoms.newBonePain',
      'symptoms.neuroDeficit',
    ]);
    before(list, 'bilirubinTotal', 'ggt');
    before(list, 'alt', 'ggt');
    before(list, 'calcium', 'ggt');
  });

  it('does not ask for an ultrasound while the origin is bone, and does once it is hepatic', () => {
    expect(missing(boneCase)).not.toContain('imaging.ultrasound');
    expect(missing(liverCase)).toContain('imaging.ultrasound');
  });

  it('asks for the INR only when it could decide a red flag', () => {
    expect(missing(boneCase)).not.toContain('inr');
    expect(missing({ ...boneCase, symptoms: { confusion: true } })).toContain('inr');
    expect(missing({ ...boneCase, bilirubinTotal: bili(1.5) })).toContain('inr');
    expect(missing({ ...boneCase, alt: lab(130, 40) })).toContain('inr');
  });

  it("asks for a lab's ULN when its value came without one", () => {
    const list = missing({ ...boneCase, alt: { value: 20, unit: 'U/L' } });
    expect(list).toContain('alt.uln');
    expect(list).not.toContain('alt');
  });

  it('asks about alcohol and enzyme inducers when a raised GGT decides the origin', () => {
    const list = missing(liverCase);
    expect(list).toContain('history.alcohol');
    expect(list).toContain('history.enzymeInducingDrugs');
    expect(missing({ ...liverCase, history: { alcohol: true } })).toEqual(
      expect.arrayContaining(['nucleotidase5', 'isoenzymes', 'heatStableAlpPercent', 'boneSpecificAlp']),
    );
  });

  it('asks for the bortezomib context in the bone branch', () => {
    const list = missing({ ...boneCase, therapy: { agent: 'bortezomib' } });
    expect(list).toEqual(
      expect.arrayContaining([
        'alpBaseline',
        'therapy.weeksOnTherapy',
        'therapy.steroids',
        'history.recentFracture',
      ]),
    );
    expect(list).not.toContain('therapy.agent');
  });

  it('asks for cholangitis markers when cholestasis is present without a known inflammatory sign', () => {
    const list = missing({ ...liverCase, alp: lab(240, 120), symptoms: { fever: false } });
    expect(list).toEqual(expect.arrayContaining(['temperatureC', 'wbc', 'crp']));
  });

  it('asks little once ALP is within its ULN', () => {
    const list = missing({
      alp: lab(100, 120),
      ...normalLiverPanel,
      calcium: { value: 9.6, unit: 'mg/dL', uln: 10.5 },
      albumin: { value: 4, unit: 'g/dL' },
      symptoms: { fever: false, jaundice: false, confusion: false, newBonePain: false, neuroDeficit: false },
    });
    expect(list).toEqual(['history.knownBoneDisease']);
  });

  it('never lists a field that is already known', () => {
    const c: Case = {
      ...boneCase,
      alpBaseline: lab(100, 120),
      therapy: { agent: 'bortezomib', weeksOnTherapy: 6, steroids: true, melphalan: false },
      history: { recentFracture: false, pregnant: false, fasting: true, ageYears: 70 },
      symptoms: { fever: false, jaundice: false, confusion: false, newBonePain: false, neuroDeficit: false },
      calcium: { value: 9.6, unit: 'mg/dL', uln: 10.5 },
      albumin: { value: 4, unit: 'g/dL' },
    };
    expect(missing(c)).toEqual([
      'history.denosumabStopped',
      'history.bisphosphonate',
      'history.knownBoneDisease',
      'history.renalImpairment',
    ]);
  });
});
