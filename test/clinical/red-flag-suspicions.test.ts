import { redFlagSuspicions } from '../../src/clinical';

describe('redFlagSuspicions', () => {
  it('jaundice with confusion and no INR: acute liver failure, the INR decides it', () => {
    expect(redFlagSuspicions({ symptoms: { jaundice: true, confusion: true } })).toEqual([
      {
        ruleId: 'R-03',
        suspected: 'acute liver failure',
        because: 'jaundice with confusion',
        needed: ['inr'],
        source: 'AASLD/EASL acute liver failure definition',
      },
    ]);
  });

  it('says nothing once the deciding values are known', () => {
    expect(redFlagSuspicions({ symptoms: { jaundice: true, confusion: true }, inr: 1.0 })).toEqual([]);
  });

  it('names only the values still missing, most decisive first', () => {
    const [cholangitis] = redFlagSuspicions({
      symptoms: { fever: true, rightUpperQuadrantPain: true },
      wbc: 14,
      inr: 1.1,
    });
    expect(cholangitis?.suspected).toBe('acute cholangitis');
    expect(cholangitis?.needed).toEqual(['crp', 'bilirubinTotal']);
  });

  it('no red-flag symptom, no suspicion', () => {
    expect(redFlagSuspicions({ symptoms: { fever: false, jaundice: false, confusion: false } })).toEqual([]);
    expect(redFlagSuspicions({})).toEqual([]);
  });
});
