import fc from 'fast-check';
import { CARD_ACTIONS, CARD_SUBMIT_MARKER } from '../../../dialogs/cards/card-submit';
import { QUESTION_STEP_IDS, STEP_FIELDS } from '../../../machines';
import type { RawRequest } from './raw-http';
import { WORKUP_ANSWERS } from './workup-script';

/** Over the server's 256 KB body limit, whatever else the request holds. */
export const OVERSIZED_TEXT_LENGTH = 300 * 1024;

const JSON_TYPE = 'application/json';

/** Conversations the fuzz may drive anywhere; the workup it must not disturb is in none of them. */
export const FUZZ_CONVERSATIONS = ['fuzz-conversation-1', 'fuzz-conversation-2', 'fuzz-conversation-3'];

const CARD_INPUT_IDS = Object.values(STEP_FIELDS).flatMap((fields) =>
  fields.flatMap((field) => [field, `${field}.value`, `${field}.unit`, `${field}.uln`]),
);

/** Values of every shape and size a broken or hostile client might put in a field. */
export const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.integer({ min: 1_000, max: 40_000 }).map((length) => 'ALP 987 U/L '.repeat(length / 12)),
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1e308,
    -0,
    [],
    {},
    '',
    ' ',
    '\u0000',
    '\u202e',
    '💥'.repeat(1000),
  ),
);

/** What a clinician might type, or a client might send as text: words of the workup and noise. */
const messageText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    ...WORKUP_ANSWERS,
    'start',
    'back',
    'summary',
    'why',
    'chart note',
    'edit ALP',
    'edit GGT',
    'restart',
    'new',
    'help',
    'none of these',
    'forget me',
    'not done',
  ),
  fc
    .tuple(
      fc.double({ noNaN: false }),
      fc.double(),
      fc.constantFrom('U/L', 'µkat/L', 'mg/dL', '', 'furlongs'),
    )
    .map(([value, uln, unit]) => `ALP ${value} ${unit} (ULN ${uln})`),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

/** A card submit: our marker, a step, a revision and an action (each sometimes wrong), random inputs. */
export const cardSubmitValue: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    marker: fc.oneof(fc.constant(1), weirdValue),
    step: fc.oneof(fc.constantFrom(...QUESTION_STEP_IDS, 'assessment', 'welcome'), weirdValue),
    revision: fc.oneof(fc.nat(12), fc.nat(12).map(String), weirdValue),
    action: fc.oneof(fc.constantFrom(...CARD_ACTIONS), weirdValue),
    field: fc.option(fc.oneof(fc.constantFrom(...CARD_INPUT_IDS), weirdValue), { nil: undefined }),
    inputs: fc.dictionary(
      fc.constantFrom(...CARD_INPUT_IDS),
      fc.oneof(
        fc.double().map(String),
        fc.constantFrom('yes', 'no', 'unknown', 'U/L', 'mg/dL', 'bortezomib', ''),
        weirdValue,
      ),
      { maxKeys: 6 },
    ),
  })
  .map(({ marker, step, revision, action, field, inputs }) => ({
    ...inputs,
    [CARD_SUBMIT_MARKER]: marker,
    step,
    revision,
    action,
    ...(field === undefined ? {} : { field }),
  }));

const ACTIVITY_FIELDS = [
  'type',
  'channelId',
  'conversation',
  'conversation.id',
  'from',
  'from.id',
  'recipient',
  'recipient.id',
  'text',
  'value',
  'deliveryMode',
  'serviceUrl',
  'attachments',
  'entities',
  'channelData',
  'replyToId',
  'membersAdded',
  'name',
  'locale',
  'timestamp',
] as const;

type Mutation = { field: (typeof ACTIVITY_FIELDS)[number]; replacement: { value: unknown } | 'removed' };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  field: fc.constantFrom(...ACTIVITY_FIELDS),
  replacement: fc.oneof(
    fc.constant('removed' as const),
    fc
      .oneof(
        weirdValue,
        fc.constantFrom(
          'message',
          'invoke',
          'conversationUpdate',
          'installationUpdate',
          'messageReaction',
          'event',
          'typing',
          'endOfConversation',
          'expectReplies',
          'normal',
        ),
      )
      .map((value) => ({ value })),
  ),
});

function applyMutation(activity: Record<string, unknown>, { field, replacement }: Mutation): void {
  const [head, child] = field.split('.') as [string, string | undefined];
  if (child === undefined) {
    if (replacement === 'removed') delete activity[head];
    else activity[head] = replacement.value;
    return;
  }
  const parent = activity[head];
  if (typeof parent !== 'object' || parent === null || Array.isArray(parent)) return;
  const copy = { ...(parent as Record<string, unknown>) };
  if (replacement === 'removed') delete copy[child];
  else copy[child] = replacement.value;
  activity[head] = copy;
}

/**
 * A valid workup activity (text or card submit) for one of the fuzz conversations, then damaged:
 * fields removed or replaced by wrong types, huge strings, unicode. Replies go back in the HTTP
 * body (expectReplies); an activity that asks for normal delivery gets `sinkUrl` as its service
 * URL, so the bot never posts anywhere but 127.0.0.1.
 */
export function mutatedActivity(sinkUrl: string): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      conversation: fc.constantFrom(...FUZZ_CONVERSATIONS),
      user: fc.constantFrom('fuzz-user-1', 'fuzz-user-2'),
      turn: fc.oneof(
        messageText.map((text) => ({ text })),
        cardSubmitValue.map((value) => ({ text: '', value })),
      ),
      mutations: fc.array(mutation, { maxLength: 3 }),
    })
    .map(({ conversation, user, turn, mutations }) => {
      const activity: Record<string, unknown> = {
        type: 'message',
        channelId: 'msteams',
        serviceUrl: sinkUrl,
        conversation: { id: conversation },
        from: { id: user },
        recipient: { id: 'alp-workup-bot' },
        deliveryMode: 'expectReplies',
        ...turn,
      };
      for (const change of mutations) applyMutation(activity, change);
      if (activity.deliveryMode !== 'expectReplies') activity.serviceUrl = sinkUrl;
      return activity;
    });
}

const CONTENT_TYPES = [
  JSON_TYPE,
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/octet-stream',
  'application/xml',
  'application/vnd.api+json',
];

const FUZZ_PATHS = [
  '/api/messages',
  '/api/directline/token',
  '/v3/directline/conversations',
  '/v3/directline/conversations/fuzz/activities',
  '/v3/directline/tokens/refresh',
  '/v3/conversations/fuzz/activities',
  '/v3/conversations/fuzz/activities/fuzz-activity',
];

/** Bodies that are not a well-formed JSON activity, sent to every endpoint that takes a body. */
export function rawRequest(sinkUrl: string): fc.Arbitrary<RawRequest> {
  const body: fc.Arbitrary<{ bytes: Buffer; contentType: string; encoding?: string }> = fc.oneof(
    fc
      .jsonValue()
      .map((value) => ({ bytes: Buffer.from(JSON.stringify(value) ?? ''), contentType: JSON_TYPE })),
    fc
      .uint8Array({ maxLength: 2_000 })
      .map((bytes) => ({ bytes: Buffer.from(bytes), contentType: JSON_TYPE })),
    fc
      .tuple(mutatedActivity(sinkUrl), fc.constantFrom(...CONTENT_TYPES))
      .map(([activity, contentType]) => ({ bytes: Buffer.from(JSON.stringify(activity)), contentType })),
    fc
      .tuple(fc.string({ maxLength: 500 }), fc.constantFrom(...CONTENT_TYPES))
      .map(([text, contentType]) => ({ bytes: Buffer.from(text), contentType })),
    mutatedActivity(sinkUrl).map((activity) => ({
      bytes: Buffer.from(JSON.stringify({ ...activity, text: 'x'.repeat(OVERSIZED_TEXT_LENGTH) })),
      contentType: JSON_TYPE,
    })),
    fc
      .tuple(fc.uint8Array({ maxLength: 500 }), fc.constantFrom('gzip', 'deflate', 'br', 'GZIP', 'x-unknown'))
      .map(([bytes, encoding]) => ({ bytes: Buffer.from(bytes), contentType: JSON_TYPE, encoding })),
  );
  return fc
    .record({
      path: fc.constantFrom(...FUZZ_PATHS),
      method: fc.constantFrom('POST' as const, 'POST' as const, 'PUT' as const),
      body,
      bearer: fc.option(fc.stringMatching(/^[A-Za-z0-9._-]{0,60}$/), { nil: undefined }),
    })
    .map(({ path, method, body: { bytes, contentType, encoding }, bearer }) => ({
      method,
      path,
      headers: {
        'Content-Type': contentType,
        ...(encoding === undefined ? {} : { 'Content-Encoding': encoding }),
        ...(bearer === undefined ? {} : { Authorization: `Bearer ${bearer}` }),
      },
      body: bytes,
    }));
}
