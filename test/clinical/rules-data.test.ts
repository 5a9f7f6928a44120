import { BIBLIOGRAPHY, RULES, SEED_IDS, sourceUrl, type SourceKey } from '../../src/clinical';

describe('the rule table as data', () => {
  it('has unique ids', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('implements every seed statement S1-S22 and F1 in at least one rule', () => {
    const covered = new Set(RULES.flatMap((rule) => rule.seed));
    expect(SEED_IDS.filter((seed) => !covered.has(seed))).toEqual([]);
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))(
    '%s cites sources from the bibliography',
    (_id, rule) => {
      expect(rule.sources.length).toBeGreaterThan(0);
      for (const key of rule.sources) expect(BIBLIOGRAPHY[key]).toBeDefined();
      expect(rule.condition).not.toBe('');
      expect(rule.recommendation).not.toBe('');
      expect(rule.why.length).toBeGreaterThan(40);
    },
  );

  it('says in words when a rule rests on unverified or second-hand evidence', () => {
    const silent = RULES.filter(
      (rule) =>
        rule.evidence === 'expert-convention' &&
        !/\[NV\]|\[P\]|second-hand|not verified|convention/.test(rule.why),
    ).map((rule) => rule.id);
    expect(silent).toEqual([]);
  });

  it('labels every checkpoint-inhibitor heuristic as extrapolated', () => {
    const regev = RULES.filter((rule) => rule.sources.includes('regev2020'));
    expect(regev.length).toBeGreaterThan(0);
    for (const rule of regev) {
      expect(rule.evidence).toBe('extrapolated');
      expect(rule.why).toMatch(/checkpoint-inhibitor/);
    }
  });

  it('never recommends a bone scan (only ever says not to)', () => {
    const mentions = RULES.flatMap((rule) =>
      `${rule.recommendation} ${rule.why}`.split(/(?<=[.:;])\s/),
    ).filter((sentence) => /bone scan/i.test(sentence));
    expect(mentions.length).toBeGreaterThan(0);
    expect(mentions.filter((sentence) => !/\b(not|no|never)\b/i.test(sentence))).toEqual([]);
  });

  it('uses every bibliography entry, and links each one it can', () => {
    const used = new Set<SourceKey>(RULES.flatMap((rule) => rule.sources));
    expect((Object.keys(BIBLIOGRAPHY) as SourceKey[]).filter((key) => !used.has(key))).toEqual([]);
    expect(sourceUrl(BIBLIOGRAPHY.kwo2017)).toBe('https://doi.org/10.1038/ajg.2016.517');
    expect(sourceUrl(BIBLIOGRAPHY.matsushita2011)).toBe('https://pubmed.ncbi.nlm.nih.gov/22184873/');
    expect(sourceUrl(BIBLIOGRAPHY.acr2023)).toBeUndefined();
  });

  it('keeps the identifiers the clinical reference verified', () => {
    expect(BIBLIOGRAPHY.aithal2011).toMatchObject({ doi: '10.1038/clpt.2011.58', pmid: '21544079' });
    expect(BIBLIOGRAPHY.terpos2013.pmid).toBe('23690408');
    expect(BIBLIOGRAPHY.annibali2020).toMatchObject({ doi: '10.1016/j.jbo.2020.100338', pmid: '33304804' });
    expect(BIBLIOGRAPHY.tg18.doi).toBe('10.1002/jhbp.512');
  });
});
