/**
 * Adaptive Cards as terminal text: text blocks and facts as lines, and every button or choice as
 * a numbered option whose submit value is what Teams or Web Chat would send for that click.
 */

export interface CardOption {
  label: string;
  /** The `activity.value` a click would send: the button's data merged with the chosen input. */
  value: Record<string, unknown>;
}

export interface RenderedCard {
  lines: string[];
  options: CardOption[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

function isSubmit(action: Json): boolean {
  return action.type === 'Action.Submit';
}

/** The submit a choice in this card belongs to: the first button that sends the card's inputs. */
function primarySubmit(actions: Json[]): Json | undefined {
  return actions.find((a) => isSubmit(a) && a.associatedInputs !== 'none');
}

function renderScope(card: Json, indent: string, out: RenderedCard): void {
  const actions = list(card.actions);
  const primary = primarySubmit(actions);
  const primaryData = isObject(primary?.data) ? primary.data : {};

  const renderElement = (element: Json): void => {
    switch (element.type) {
      case 'TextBlock':
        if (text(element.text) !== '') out.lines.push(`${indent}${text(element.text)}`);
        return;
      case 'FactSet':
        for (const fact of list(element.facts))
          out.lines.push(`${indent}  ${text(fact.title)}: ${text(fact.value)}`);
        return;
      case 'Input.Number':
      case 'Input.Text':
        out.lines.push(`${indent}  ${text(element.label) || text(element.id)}: (type the value)`);
        return;
      case 'Input.ChoiceSet':
        out.lines.push(`${indent}${text(element.label) || text(element.id)}`);
        for (const choice of list(element.choices)) {
          out.options.push({
            label: `${text(element.label) || text(element.id)}: ${text(choice.title)}`,
            value: { ...primaryData, [text(element.id)]: text(choice.value) },
          });
          out.lines.push(`${indent}  [${out.options.length}] ${text(choice.title)}`);
        }
        return;
      case 'Container':
      case 'Column':
        list(element.items).forEach(renderElement);
        return;
      case 'ColumnSet':
        list(element.columns).forEach(renderElement);
        return;
      case 'ActionSet':
        list(element.actions).forEach(renderAction);
        return;
      default:
        return;
    }
  };

  const renderAction = (action: Json): void => {
    if (isSubmit(action)) {
      out.options.push({ label: text(action.title), value: isObject(action.data) ? action.data : {} });
      out.lines.push(`${indent}  [${out.options.length}] ${text(action.title)}`);
    } else if (action.type === 'Action.ShowCard' && isObject(action.card)) {
      out.lines.push(`${indent}${text(action.title)}:`);
      renderScope(action.card, `${indent}  `, out);
    }
  };

  list(card.body).forEach(renderElement);
  // A choice set's own submit button is implied by picking a choice; list the other buttons.
  actions.filter((a) => !(a === primary && hasChoiceSet(card))).forEach(renderAction);
}

function hasChoiceSet(card: Json): boolean {
  const walk = (elements: Json[]): boolean =>
    elements.some((e) => e.type === 'Input.ChoiceSet' || walk(list(e.items)) || walk(list(e.columns)));
  return walk(list(card.body));
}

export function renderCard(card: unknown): RenderedCard {
  const out: RenderedCard = { lines: [], options: [] };
  if (isObject(card)) renderScope(card, '', out);
  return out;
}
