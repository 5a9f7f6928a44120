import { Activity, ActivityHandler, ActivityTypes, DeliveryModes, TurnContext } from 'botbuilder';
import type { Reply, TurnInput, TurnResult } from '../../dialogs/turn-input';
import { runTurn, welcomeReplies } from '../../dialogs/turn-runner';
import { RECORD_IMPORT_EVENT } from '../../dialogs/record-import-event';
import type { AuditLog } from '../storage/audit-log';
import { isETagConflict } from '../storage/etag-conflict';
import { UNCHANGED, type WorkupStorage } from '../storage/workup-storage';
import { textWithoutBotMention } from './bot-mention';
import { type BotLogger, silentLogger } from './bot-logger';
import { KeyedQueue } from './keyed-queue';
import { RecentWorkups } from './recent-workups';
import { redeliveryOf, turnKey, withAppliedTurn } from './applied-turns';
import { replyActivity } from './reply-activity';
import { failureDetails, isChannelRefusal, RepliesNotDelivered, reportTurnFailure } from './turn-failure';
import { asWorkupRecord, type WorkupRecord } from './workup-record';
import { userWorkupPrefix, workupKey, type WorkupOwner } from './workup-key';

export interface WorkupBotOptions {
  storage: WorkupStorage;
  audit: AuditLog;
  logger?: BotLogger;
  /** The clock, injectable so tests can replay a conversation "three days later". */
  now?: () => Date;
  /** How long an idle workup is kept (told to clinicians waiting for results); the sweep enforces it. */
  retentionDays?: number;
}

/**
 * Workups whose last written state is kept in memory, so the next turn need not parse, check,
 * restore and assess it again. A workup at its assessment holds about 16 KB (measured): some
 * 3 MB here, for 200 clinicians in the middle of a workup on this instance at once. The bench
 * keeps 50 busy; at 1000 the process grew by about 70 MB for no more turns per second.
 */
const RECENT_WORKUPS = 200;

const CONFLICT_REPLY: Reply = {
  text: 'Your workup was changed from another window at the same moment, so I did not apply this message. Please send it again.',
};

const ALREADY_APPLIED_REPLY: Reply = {
  text: 'That message reached me twice; I applied it the first time. Send "summary" to see where your workup stands.',
};

/** A turn run on the workup, or a redelivered activity answered without applying it again. */
type AppliedTurn = { kind: 'applied'; result: TurnResult } | { kind: 'redelivered'; replies: Reply[] };

const ownerOf = (activity: Partial<Activity>): WorkupOwner | undefined => {
  const channelId = activity.channelId;
  const userId = activity.from?.id;
  const conversationId = activity.conversation?.id;
  return channelId && userId && conversationId ? { channelId, userId, conversationId } : undefined;
};

/**
 * The botbuilder glue: one workup per channel + user + conversation, loaded, advanced by the
 * conversation runner and saved with eTag concurrency on every turn. Turns for one workup are
 * serialised in-process; a conflicting write from another instance is re-applied once on fresh state.
 */
class WorkupBot extends ActivityHandler {
  private readonly queue = new KeyedQueue();
  private readonly recent = new RecentWorkups<WorkupRecord>(RECENT_WORKUPS);
  private readonly storage: WorkupStorage;
  private readonly audit: AuditLog;
  private readonly logger: BotLogger;
  private readonly now: () => Date;
  private readonly retentionDays: number | undefined;

  constructor(options: WorkupBotOptions) {
    super();
    this.storage = options.storage;
    this.audit = options.audit;
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? (() => new Date());
    this.retentionDays = options.retentionDays;

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    // The web page's import from the patient's record (SMART launch): one event with the resources.
    this.onEvent(async (context, next) => {
      if (context.activity.name === RECORD_IMPORT_EVENT) await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const activity = context.activity;
      const relevant = (context.activity.membersAdded ?? []).some(
        (member) => member.id === activity.recipient?.id || member.id === activity.from?.id,
      );
      if (relevant) await this.welcomeOnce(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcomeOnce(context);
      await next();
    });
  }

  /** Every turn (a message, a welcome) that fails is reported here, once: the adapter never sees it. */
  override async run(context: TurnContext): Promise<void> {
    try {
      await super.run(context);
    } catch (error) {
      // A message's failure is reported where it is known whether its change was kept.
      if (error instanceof RepliesNotDelivered) throw error;
      await reportTurnFailure(context, this.logger, error);
    }
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const owner = ownerOf(context.activity);
    if (!owner) return;
    const key = workupKey(owner);
    // With expectReplies the answer comes back in the same HTTP response as any indicator would.
    if (context.activity.deliveryMode !== DeliveryModes.ExpectReplies) {
      // Only a courtesy: a channel refusing it must not keep the message from being applied.
      await context
        .sendActivity({ type: ActivityTypes.Typing })
        .catch((error: unknown) =>
          this.logger.warn({ errorName: failureDetails(error).errorName }, 'typing indicator not delivered'),
        );
    }
    const input: TurnInput = {
      text: textWithoutBotMention(context.activity),
      ...(context.activity.type === ActivityTypes.Event
        ? { recordImport: context.activity.value ?? null }
        : { value: context.activity.value }),
      now: this.now().toISOString(),
      supportsCardUpdate: Boolean(context.activity.replyToId),
      ...(this.retentionDays === undefined ? {} : { retentionDays: this.retentionDays }),
    };
    const activityKey = turnKey(context.activity);
    // Set once storage holds what this message changed: from then on "as it was" would be untrue.
    const progress = { kept: false };
    try {
      await this.queue.run(key, async () => {
        const turn = await this.applyTurn(owner, key, input, activityKey, progress);
        // The change and its audit entry stand together before anything is said about them.
        if (turn.kind === 'applied' && !turn.result.forgetUser) await this.recordAudit(owner, turn.result);
        try {
          await this.send(context, turn.kind === 'applied' ? turn.result.replies : turn.replies);
        } catch (error) {
          throw isChannelRefusal(error) ? new RepliesNotDelivered(error) : error;
        }
        this.logger.info(
          turn.kind === 'applied'
            ? { step: turn.result.audit.step, event: turn.result.audit.event, changed: turn.result.changed }
            : { redelivered: true },
          'turn',
        );
      });
    } catch (error) {
      await reportTurnFailure(context, this.logger, error, {}, progress.kept);
      // The channel must learn that its activity was applied but not answered: it redelivers it,
      // and the redelivery gets the same answer without applying the change again.
      if (error instanceof RepliesNotDelivered) throw error;
    }
  }

  /** A failing audit write is logged, not shown: the turn's change is already stored. */
  private async recordAudit(owner: WorkupOwner, result: TurnResult): Promise<void> {
    try {
      await this.audit.record({ at: this.now(), ...owner, ...result.audit });
    } catch (error) {
      this.logger.error(
        { errorName: error instanceof Error ? error.name : typeof error },
        'audit record failed',
      );
    }
  }

  /**
   * Read, run, write; on an eTag conflict reload and run the same input once more on the fresh
   * state. An activity whose change the record already holds is answered again, not re-applied.
   */
  private async applyTurn(
    owner: WorkupOwner,
    key: string,
    input: TurnInput,
    activityKey: string | undefined,
    progress: { kept: boolean },
    retried = false,
  ): Promise<AppliedTurn> {
    const record = await this.load(key);
    const redelivery = redeliveryOf(record.appliedTurns, activityKey);
    if (redelivery !== undefined) {
      this.logger.info({ redelivery: redelivery.kind }, 'redelivered activity');
      const replies =
        redelivery.kind === 'latest'
          ? runTurn(redelivery.before, { ...input, now: redelivery.now }).replies
          : [ALREADY_APPLIED_REPLY];
      return { kind: 'redelivered', replies };
    }
    // A welcome card sent before any workup was stored showed the disclaimer: the workup starting now need not repeat it.
    const welcomed = record.welcomed === true && record.conversation === undefined;
    const result = runTurn(
      this.recent.current(key, record),
      welcomed ? { ...input, welcomeCardShown: true } : input,
    );
    if (result.forgetUser) {
      const prefix = userWorkupPrefix(owner.channelId, owner.userId);
      this.recent.forgetPrefix(prefix);
      progress.kept = true;
      const deleted = await this.storage.deleteByPrefix(prefix);
      await this.audit.forgetUser(owner.channelId, owner.userId);
      this.logger.info({ deleted }, 'forgot a user');
      return { kind: 'applied', result };
    }
    if (!result.changed) return { kind: 'applied', result };
    try {
      // Someone who has talked to the bot needs no welcome when a later conversationUpdate arrives.
      const written: WorkupRecord = {
        ...record,
        conversation: result.state,
        welcomed: true,
        ...(activityKey === undefined
          ? {}
          : {
              appliedTurns: withAppliedTurn(record.appliedTurns, activityKey, record.conversation, input.now),
            }),
      };
      await this.write(key, written);
      progress.kept = true;
      this.recent.remember(key, written.eTag, written, result.kept);
      return { kind: 'applied', result };
    } catch (error) {
      if (!isETagConflict(error)) throw error;
      this.logger.warn({ retried }, 'eTag conflict on a workup write');
      if (!retried) return this.applyTurn(owner, key, input, activityKey, progress, true);
      return {
        kind: 'applied',
        result: { ...result, replies: [CONFLICT_REPLY], audit: { ...result.audit, event: 'conflict' } },
      };
    }
  }

  /**
   * The stored record, or the one this process wrote last when storage still holds that write
   * (same eTag): then storage sends no JSON and none is decoded.
   */
  private async load(key: string): Promise<WorkupRecord> {
    const held = this.recent.written(key);
    if (held === undefined) return asWorkupRecord((await this.storage.read([key]))[key]);
    const stored = await this.storage.readChanged(key, held.eTag);
    return stored === UNCHANGED ? held.written : asWorkupRecord(stored);
  }

  private async write(key: string, record: WorkupRecord): Promise<void> {
    await this.storage.write({ [key]: record });
  }

  /** In order, with the messages between two card replacements sent as one batch through botbuilder's pipeline. */
  private async send(context: TurnContext, replies: Reply[]): Promise<void> {
    const replyToId = context.activity.replyToId;
    let batch: Partial<Activity>[] = [];
    for (const reply of replies) {
      if (!reply.replaceCard) {
        batch.push(replyActivity(reply));
        continue;
      }
      if (batch.length > 0) await context.sendActivities(batch);
      batch = [];
      if (replyToId) await this.replaceAnsweredCard(context, replyToId, reply);
    }
    if (batch.length > 0) await context.sendActivities(batch);
  }

  /** Teams only; the old card staying as it was is harmless, so a failed update is logged and ignored. */
  private async replaceAnsweredCard(context: TurnContext, activityId: string, reply: Reply): Promise<void> {
    try {
      await context.updateActivity({ ...replyActivity(reply), id: activityId });
    } catch (error) {
      this.logger.warn(
        { errorName: error instanceof Error ? error.name : typeof error },
        'card update failed',
      );
    }
  }

  private async welcomeOnce(context: TurnContext): Promise<void> {
    const owner = ownerOf(context.activity);
    if (!owner) return;
    const key = workupKey(owner);
    await this.queue.run(key, async () => {
      const record = asWorkupRecord((await this.storage.read([key]))[key]);
      if (record.welcomed) return;
      try {
        await this.write(key, { ...record, welcomed: true });
      } catch (error) {
        // Another instance is welcoming this conversation right now: let it.
        if (isETagConflict(error)) return;
        throw error;
      }
      await this.send(context, welcomeReplies());
    });
  }
}

export function createWorkupBot(options: WorkupBotOptions): ActivityHandler {
  return new WorkupBot(options);
}
