import type { AnswerReading } from '../reading';
import { findTerms, isNegated, splitClauses } from './clauses';

/**
 * Yes/no history items named in words: present unless denied in the same clause ("no alcohol",
 * "CKD", "heart failure: no").
 */
const NAMED_CONDITIONS: readonly { field: string; pattern: RegExp }[] = [
  {
    field: 'history.recentFracture',
    pattern: /\b(?:fractur\w*|vertebroplasty|kyphoplasty|broken (?:bone|hip|arm|leg|wrist|rib))\b/i,
  },
  {
    field: 'history.knownBoneDisease',
    pattern:
      /\b(?:(?:osteo)?lytic (?:lesions?|disease)|lytic|bone (?:disease|lesions?|involvement)|myeloma bone disease|skeletal (?:disease|lesions?))\b/i,
  },
  {
    field: 'history.bisphosphonate',
    pattern:
      /\b(?:bisphosphonates?|zoledron\w*|zometa|aclasta|pamidron\w*|aredia|alendron\w*|ibandron\w*|risedron\w*|clodron\w*)\b/i,
  },
  { field: 'history.alcohol', pattern: /\b(?:alcohol\w*|etoh|drinks?|drinking|drinker)\b/i },
  {
    field: 'history.enzymeInducingDrugs',
    pattern:
      /\b(?:enzyme[- ]induc\w*|phenytoin|carbamazepine|phenobarb\w*|rifampi\w*|primidone|st\.? john'?s wort)\b/i,
  },
  { field: 'history.amyloidosis', pattern: /\b(?:amyloid\w*)\b/i },
  {
    field: 'history.heartFailure',
    pattern: /\b(?:heart failure|cardiac failure|chf|hfref|hfpef|congestive|congestive heart failure)\b/i,
  },
  {
    field: 'history.renalImpairment',
    pattern:
      /\b(?:renal (?:impairment|failure|insufficiency|disease|dysfunction)|ckd(?!-?epi)|aki|kidney (?:disease|failure|impairment)|dialysis)\b/i,
  },
  {
    field: 'history.persistentElevation',
    pattern:
      /\b(?:persistent(?:ly)? (?:raised|elevated|high|elevation|rise)|chronically (?:raised|elevated)|(?:raised|elevated|high) for (?:over |more than )?\d+ months)\b/i,
  },
  {
    field: 'therapy.newDrug',
    pattern: /\b(?:new (?:drugs?|medications?|meds?|medicines?)|recently started|started recently)\b/i,
  },
];

const PREGNANT = /\bpregnan\w*\b/i;
const NOT_PREGNANT = /\b(?:male|man|postmenopausal|post-menopausal)\b/i;
const TRIMESTER = /\b(?:(first|1st|second|2nd|third|3rd) trimester|trimester\s*([123])|t([123]))\b/i;
const GESTATION_WEEKS = /\b(\d{1,2})\s*(?:weeks?|wks?)\b/i;
const NON_FASTING =
  /\b(?:non-?fasting|not fasting|not fasted|after (?:a )?(?:meal|food|eating|lunch|breakfast)|post-?prandial|fed)\b/i;
const FASTING = /\b(?:fasting|fasted)\b/i;
const DENOSUMAB = /\b(?:denosumab|xgeva|prolia)\b/i;
const DENOSUMAB_STOPPED = /\b(?:stopped|discontinued|ceased|held|off|withdrawn|stopping)\b/i;
const LIVER_SPAN = /\bliver(?: span)?\s*[:=]?\s*(\d{1,2}(?:[.,]\d)?)\s*cm\b/i;
const AGE_EXPLICIT =
  /\b(?:age[d]?\s*[:=]?\s*(\d{1,3})|(\d{1,3})\s*(?:yo|y\.o\.|-?years?[- ]old|-?year-old|yrs? old))\b/i;
const AGE_BARE = /^\s*(\d{1,3})\s*(?:years?|yrs?|y)?\s*$/i;

const FEMALE = /\b(?:female|woman|girl|f)\b/i;
const MALE = /\b(?:male|man|boy|m)\b/i;
const SEX_NOT_STATED = /\b(?:sex|gender) (?:not stated|unknown|not given|not known)\b/i;
/** A bare "F" or "M" means a sex only when the question is the sex: elsewhere it may be a unit or a name. */
const SEX_LETTER = /^\s*[fm]\s*$/i;

const TRIMESTER_WORDS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
};

/** Standard trimester boundaries: up to 13 weeks first, 14-27 second, 28 on third. */
const trimesterOfWeeks = (weeks: number): number => (weeks < 14 ? 1 : weeks < 28 ? 2 : 3);

function readPregnancy(text: string): AnswerReading[] {
  const source = text.trim();
  const hits = findTerms(text, PREGNANT);
  if (hits.length === 0) {
    return NOT_PREGNANT.test(text) ? [{ field: 'history.pregnant', answer: false, source }] : [];
  }
  const pregnant = hits.some((hit) => !hit.negated);
  const found: AnswerReading[] = [{ field: 'history.pregnant', answer: pregnant, source }];
  if (!pregnant) return found;
  const trimester = TRIMESTER.exec(text);
  const named = trimester?.[1] ?? trimester?.[2] ?? trimester?.[3];
  const weeks = splitClauses(text)
    .filter((clause) => PREGNANT.test(clause.text))
    .map((clause) => GESTATION_WEEKS.exec(clause.text)?.[1])
    .find((found) => found !== undefined);
  if (named !== undefined) {
    found.push({
      field: 'history.pregnancyTrimester',
      answer: TRIMESTER_WORDS[named.toLowerCase()] ?? Number(named),
      source,
    });
  } else if (weeks !== undefined) {
    found.push({ field: 'history.pregnancyTrimester', answer: trimesterOfWeeks(Number(weeks)), source });
  }
  return found;
}

function readFasting(text: string): AnswerReading[] {
  const source = text.trim();
  if (NON_FASTING.test(text)) return [{ field: 'history.fasting', answer: false, source }];
  const hits = findTerms(text, FASTING);
  return hits.length > 0
    ? [{ field: 'history.fasting', answer: hits.some((hit) => !hit.negated), source }]
    : [];
}

/**
 * "Denosumab stopped in March" is the rebound risk; "on denosumab" is not, and neither is
 * "denosumab not stopped" or "never stopped denosumab": the stop word itself may be denied.
 */
function readDenosumab(text: string): AnswerReading[] {
  const clause = splitClauses(text).find((candidate) => DENOSUMAB.test(candidate.text));
  if (!clause) return [];
  const stop = DENOSUMAB_STOPPED.exec(clause.text);
  const stopped = stop !== null && !isNegated(clause.text, stop.index, stop[0].length);
  return [{ field: 'history.denosumabStopped', answer: stopped, source: clause.text.trim() }];
}

function readNamedConditions(text: string): AnswerReading[] {
  return NAMED_CONDITIONS.flatMap(({ field, pattern }) => {
    const hits = findTerms(text, pattern);
    return hits.length > 0 ? [{ field, answer: hits.some((hit) => !hit.negated), source: text.trim() }] : [];
  });
}

function readLiverSpan(text: string): AnswerReading[] {
  const span = LIVER_SPAN.exec(text)?.[1];
  return span === undefined
    ? []
    : [{ field: 'history.liverSpanCm', answer: Number(span.replace(',', '.')), source: text.trim() }];
}

/** "age 72", "72 yo", "72-year-old"; a bare "72" or "72 years" only when the question is the age. */
function readAge(text: string, expecting: readonly string[]): AnswerReading[] {
  const explicit = AGE_EXPLICIT.exec(text);
  const bare = expecting.includes('history.ageYears') ? AGE_BARE.exec(text) : null;
  const years = explicit?.[1] ?? explicit?.[2] ?? bare?.[1];
  return years === undefined
    ? []
    : [{ field: 'history.ageYears', answer: Number(years), source: text.trim() }];
}

/** "female", "58-year-old man", "sex not stated"; a bare "F" or "M" only when the question is the sex. */
function readSex(text: string, expecting: readonly string[]): AnswerReading[] {
  const source = text.trim();
  if (SEX_NOT_STATED.test(text)) return [{ field: 'history.sex', answer: 'not-stated', source }];
  const letterOnly = SEX_LETTER.test(text);
  if (letterOnly && !expecting.includes('history.sex')) return [];
  const words = letterOnly ? text : text.replace(/\b[fm]\b/gi, ' ');
  const female = FEMALE.test(words);
  const male = MALE.test(words);
  if (female === male) return [];
  return [{ field: 'history.sex', answer: female ? 'female' : 'male', source }];
}

/** History and context answered in words: pregnancy, fasting, fracture, bone disease, comorbidities, age. */
export function readHistory(text: string, expecting: readonly string[]): AnswerReading[] {
  return [
    ...readSex(text, expecting),
    ...readPregnancy(text),
    ...readFasting(text),
    ...readDenosumab(text),
    ...readNamedConditions(text),
    ...readLiverSpan(text),
    ...readAge(text, expecting),
  ];
}
