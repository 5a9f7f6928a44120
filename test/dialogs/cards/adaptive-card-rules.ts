import { z } from 'zod';
import type * as AdaptiveCardsModule from 'adaptivecards';
import { CardSubmitDataSchema } from '../../../dialogs/cards/card-submit';

/**
 * Two independent checks of a card against Adaptive Cards 1.5:
 * 1. Microsoft's own `adaptivecards` parser, targeting 1.5: unknown element or action types,
 *    invalid enum values, duplicate input ids. Its ESM `lib/` build does not load in Node (extension-
 *    less imports), so the self-contained UMD bundle is required instead; it needs no DOM to parse.
 * 2. The parser tolerates unknown properties and unlabelled inputs, so a strict zod schema of the
 *    elements and properties this bot uses (from the 1.5 schema) catches typos, inputs without a
 *    label, and Action.Submit data outside the card submit contract.
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the UMD bundle is the only build that loads in Node
const AdaptiveCards = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsModule;

const spacing = z.enum(['none', 'small', 'default', 'medium', 'large', 'extraLarge', 'padding']);
const containerStyle = z.enum(['default', 'emphasis', 'good', 'attention', 'warning', 'accent']);

const textBlock = z.strictObject({
  type: z.literal('TextBlock'),
  text: z.string().min(1),
  wrap: z.boolean().optional(),
  weight: z.enum(['default', 'lighter', 'bolder']).optional(),
  size: z.enum(['small', 'default', 'medium', 'large', 'extraLarge']).optional(),
  color: z.enum(['default', 'dark', 'light', 'accent', 'good', 'warning', 'attention']).optional(),
  isSubtle: z.boolean().optional(),
  spacing: spacing.optional(),
  separator: z.boolean().optional(),
});

const factSet = z.strictObject({
  type: z.literal('FactSet'),
  facts: z.array(z.strictObject({ title: z.string().min(1), value: z.string().min(1) })).min(1),
});

/** Every input needs an id (or its value is lost) and a label (screen readers and the 1.3+ layout). */
const inputNumber = z.strictObject({
  type: z.literal('Input.Number'),
  id: z.string().min(1),
  label: z.string().min(1),
  placeholder: z.string().optional(),
  value: z.number().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  isRequired: z.boolean().optional(),
  errorMessage: z.string().optional(),
});

const inputChoiceSet = z.strictObject({
  type: z.literal('Input.ChoiceSet'),
  id: z.string().min(1),
  label: z.string().min(1),
  choices: z.array(z.strictObject({ title: z.string().min(1), value: z.string().min(1) })).min(1),
  style: z.enum(['compact', 'expanded']).optional(),
  isMultiSelect: z.boolean().optional(),
  value: z.string().optional(),
  placeholder: z.string().optional(),
  wrap: z.boolean().optional(),
});

type Element =
  z.infer<typeof textBlock | typeof factSet | typeof inputNumber | typeof inputChoiceSet> | object;

const element: z.ZodType<Element> = z.lazy(() =>
  z.discriminatedUnion('type', [
    textBlock,
    factSet,
    inputNumber,
    inputChoiceSet,
    columnSet,
    container,
    actionSet,
  ]),
);

const column = z.strictObject({
  type: z.literal('Column'),
  width: z.union([z.enum(['auto', 'stretch']), z.string().regex(/^\d+(px)?$/)]),
  items: z.array(element),
  verticalContentAlignment: z.enum(['top', 'center', 'bottom']).optional(),
});

const columnSet = z.strictObject({
  type: z.literal('ColumnSet'),
  columns: z.array(column).min(1),
  spacing: spacing.optional(),
});

const container = z.strictObject({
  type: z.literal('Container'),
  items: z.array(element).min(1),
  id: z.string().min(1).optional(),
  isVisible: z.boolean().optional(),
  style: containerStyle.optional(),
  bleed: z.boolean().optional(),
  spacing: spacing.optional(),
  separator: z.boolean().optional(),
});

const submitAction = z.strictObject({
  type: z.literal('Action.Submit'),
  title: z.string().min(1),
  data: CardSubmitDataSchema.strict(),
  style: z.enum(['default', 'positive', 'destructive']).optional(),
  associatedInputs: z.enum(['auto', 'none']).optional(),
});

const showCardAction = z.strictObject({
  type: z.literal('Action.ShowCard'),
  title: z.string().min(1),
  card: z.strictObject({
    type: z.literal('AdaptiveCard'),
    body: z.array(element).min(1),
    actions: z.array(submitAction).min(1),
  }),
});

/** Details on demand (1.2): every target must be an element of the same card (checked below). */
const toggleVisibilityAction = z.strictObject({
  type: z.literal('Action.ToggleVisibility'),
  title: z.string().min(1),
  targetElements: z.array(z.string().min(1)).min(1),
});

const actionSet = z.strictObject({
  type: z.literal('ActionSet'),
  actions: z
    .array(z.discriminatedUnion('type', [submitAction, showCardAction, toggleVisibilityAction]))
    .min(1),
  spacing: spacing.optional(),
});

export const AdaptiveCard15Schema = z.strictObject({
  type: z.literal('AdaptiveCard'),
  $schema: z.literal('http://adaptivecards.io/schemas/adaptive-card.json'),
  version: z.literal('1.5'),
  body: z.array(element).min(1),
  actions: z.array(z.discriminatedUnion('type', [submitAction, showCardAction])).optional(),
  fallbackText: z.string().min(1).optional(),
});

const parserProblems = (card: unknown): string[] => {
  const parsed = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5);
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let index = 0; index < context.eventCount; index++) {
    problems.push(`parser: ${context.getEventAt(index).message}`);
  }
  for (const event of parsed.validateProperties().validationEvents)
    problems.push(`validation: ${event.message}`);
  return problems;
};

/** Values of `key` anywhere in a card. */
const valuesOf = (node: unknown, key: string): unknown[] => {
  if (Array.isArray(node)) return node.flatMap((item) => valuesOf(item, key));
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  return [
    ...(key in record ? [record[key]] : []),
    ...Object.values(record).flatMap((value) => valuesOf(value, key)),
  ];
};

/** A toggle whose target is not in the card does nothing when pressed. */
const missingToggleTargets = (card: unknown): string[] => {
  const ids = new Set(valuesOf(card, 'id'));
  return valuesOf(card, 'targetElements')
    .flatMap((targets) => (Array.isArray(targets) ? targets : []))
    .filter((target) => !ids.has(target))
    .map((target) => `toggle: no element "${String(target)}" in the card`);
};

/** Every problem found in a card; an empty list means it is a valid 1.5 card within the bot's conventions. */
export const adaptiveCardProblems = (card: unknown): string[] => {
  const schema = AdaptiveCard15Schema.safeParse(card);
  const schemaProblems = schema.success
    ? []
    : schema.error.issues.map((issue) => `schema: ${issue.path.join('.')}: ${issue.message}`);
  return [...parserProblems(card), ...schemaProblems, ...missingToggleTargets(card)];
};

/** All TextBlock texts and fact values of a card, including inline cards, for content assertions. */
export const cardTexts = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(cardTexts);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const own = [record['text'], record['title'], record['value'], record['label']].filter(
    (value): value is string => typeof value === 'string',
  );
  const children = Object.entries(record)
    .filter(([key]) => key !== 'data')
    .flatMap(([, value]) => (typeof value === 'object' ? cardTexts(value) : []));
  return [...own, ...children];
};

/** The input ids of a card, in document order. */
export const inputIds = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(inputIds);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const own =
    typeof record['type'] === 'string' &&
    record['type'].startsWith('Input.') &&
    typeof record['id'] === 'string'
      ? [record['id']]
      : [];
  return [
    ...own,
    ...Object.values(record).flatMap((value) => (typeof value === 'object' ? inputIds(value) : [])),
  ];
};
