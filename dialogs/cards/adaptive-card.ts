/**
 * The subset of the Adaptive Card 1.5 schema this bot uses, as plain JSON types. Cards are data:
 * the turn runner hands them to botbuilder's CardFactory, so nothing here depends on botbuilder.
 * Version 1.5 is the newest that Teams renders.
 */

export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_VERSION = '1.5';

export type TextColor = 'default' | 'attention' | 'good' | 'warning' | 'accent';
export type ContainerStyle = 'default' | 'emphasis' | 'attention' | 'good' | 'warning' | 'accent';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  weight?: 'default' | 'bolder';
  size?: 'small' | 'default' | 'medium' | 'large';
  color?: TextColor;
  isSubtle?: boolean;
  spacing?: 'none' | 'small' | 'medium' | 'large';
  separator?: boolean;
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet {
  type: 'FactSet';
  facts: Fact[];
}

export interface InputNumber {
  type: 'Input.Number';
  id: string;
  label: string;
  placeholder?: string;
  value?: number;
  min?: number;
  max?: number;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface Choice {
  title: string;
  value: string;
}

export interface InputChoiceSet {
  type: 'Input.ChoiceSet';
  id: string;
  label: string;
  choices: Choice[];
  style?: 'compact' | 'expanded';
  isMultiSelect?: boolean;
  value?: string;
  placeholder?: string;
  wrap?: true;
}

export interface Column {
  type: 'Column';
  width: 'auto' | 'stretch' | string;
  items: CardElement[];
  verticalContentAlignment?: 'top' | 'center' | 'bottom';
}

export interface ColumnSet {
  type: 'ColumnSet';
  columns: Column[];
  spacing?: 'none' | 'small' | 'medium' | 'large';
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  /** Set on a part that an Action.ToggleVisibility shows or hides. */
  id?: string;
  isVisible?: boolean;
  style?: ContainerStyle;
  bleed?: boolean;
  spacing?: 'none' | 'small' | 'medium' | 'large';
  separator?: boolean;
}

/** Buttons inside the body, where they belong to the part of the card next to them. */
export interface ActionSet {
  type: 'ActionSet';
  actions: CardButton[];
  spacing?: 'none' | 'small' | 'medium' | 'large';
}

export type CardElement =
  TextBlock | FactSet | InputNumber | InputChoiceSet | ColumnSet | Column | Container | ActionSet;

export interface SubmitAction<Data extends object = object> {
  type: 'Action.Submit';
  title: string;
  data: Data;
  style?: 'default' | 'positive' | 'destructive';
  /** Navigation buttons carry no answer: 'none' keeps the inputs out of their submit and skips input validation. */
  associatedInputs?: 'auto' | 'none';
}

/** Opens an inline card under the button: used for "Edit an answer", whose picker needs no round trip. */
export interface ShowCardAction {
  type: 'Action.ShowCard';
  title: string;
  card: InlineCard;
}

/** Shows or hides parts of the card in place, with no round trip: details and sources on demand (schema 1.2). */
export interface ToggleVisibilityAction {
  type: 'Action.ToggleVisibility';
  title: string;
  targetElements: string[];
}

export type CardButton = SubmitAction | ShowCardAction | ToggleVisibilityAction;

/** A card shown inside another by Action.ShowCard: same structure, no version of its own. */
export interface InlineCard {
  type: 'AdaptiveCard';
  body: CardElement[];
  actions: SubmitAction[];
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: typeof ADAPTIVE_CARD_VERSION;
  body: CardElement[];
  actions?: CardButton[];
  /** What a client that cannot render the card shows instead. */
  fallbackText?: string;
}

/** Every card goes out with a plain-text twin: for channels without cards and for users who type. */
export interface CardWithText {
  card: AdaptiveCard;
  text: string;
}

export const adaptiveCard = (
  body: CardElement[],
  actions: CardButton[],
  fallbackText: string,
): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: ADAPTIVE_CARD_SCHEMA,
  version: ADAPTIVE_CARD_VERSION,
  body,
  ...(actions.length > 0 ? { actions } : {}),
  fallbackText,
});

export const textBlock = (
  text: string,
  options: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {},
): TextBlock => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...options,
});

export const heading = (text: string): TextBlock => textBlock(text, { weight: 'bolder', size: 'medium' });

/** A bold label with its content below it, the way each section of the assessment reads. */
export const section = (title: string, lines: readonly string[]): CardElement[] => [
  textBlock(title, { weight: 'bolder', spacing: 'medium' }),
  ...lines.map((line) => textBlock(line, { spacing: 'small' })),
];

export const subtle = (text: string): TextBlock =>
  textBlock(text, { isSubtle: true, size: 'small', spacing: 'none' });

export const factSet = (facts: Fact[]): FactSet => ({ type: 'FactSet', facts });

export const container = (
  items: CardElement[],
  options: Omit<Container, 'type' | 'items'> = {},
): Container => ({
  type: 'Container',
  items,
  ...options,
});

export const columnSet = (columns: Column[]): ColumnSet => ({ type: 'ColumnSet', columns, spacing: 'small' });

export const column = (items: CardElement[], width: Column['width'] = 'stretch'): Column => ({
  type: 'Column',
  width,
  items,
});

export const actionSet = (actions: CardButton[]): ActionSet => ({
  type: 'ActionSet',
  actions,
  spacing: 'small',
});

export const toggle = (title: string, targetElements: string[]): ToggleVisibilityAction => ({
  type: 'Action.ToggleVisibility',
  title,
  targetElements,
});
