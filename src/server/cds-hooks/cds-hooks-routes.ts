import type { Next, Request, RequestHandler, Response, Server } from 'restify';
import type { z } from 'zod';
import { assess, CONTENT_VERSION } from '../../clinical';
import { caseFromFhir } from '../../fhir';
import type { AuditEntry, AuditLog } from '../../storage';
import type { Logger } from '../logger';
import { assessmentCards, unassessableCards } from './assessment-cards';
import {
  CdsRequestSchema,
  CdsResponseSchema,
  FeedbackSchema,
  type Card,
  type Link,
} from './cds-hooks-schema';
import type { CdsClientCheck } from './client-auth';
import { DISCOVERY, HOOK, SERVICE_ID } from './discovery';
import { gatherRecord } from './gather-record';

export interface CdsHooksOptions {
  audit: AuditLog;
  now: () => Date;
  lookbackDays: number;
  fhirTimeoutMs: number;
  /** The link to the chat on each card; undefined when the server has no public base URL. */
  chatLink: Link | undefined;
  /** Decides whether a call comes from an allowed CDS client (signed JWT, or loopback in local mode). */
  checkClient: CdsClientCheck;
}

const CHANNEL = 'cds-hooks';
const SERVICE_PATH = `/cds-services/${SERVICE_ID}`;

/** Browser-based EHRs and the CDS Hooks sandbox call from another origin; the JWT, not the origin, is the credential. */
function cors(_req: Request, res: Response, next: Next): void {
  res.header('Access-Control-Allow-Origin', '*');
  res.header('Access-Control-Allow-Headers', 'Authorization, Content-Type');
  res.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  next();
}

const problem = (res: Response, status: number, message: string): void => {
  res.send(status, { code: status === 401 ? 'Unauthorized' : 'CdsHooksError', message });
};

/**
 * CDS Hooks 2.0 on the bot's own server: discovery, the `alp-workup` service for `patient-view`
 * and its feedback endpoint. Every call, discovery included, passes the client check first.
 */
export function registerCdsHooksRoutes(
  server: Server,
  options: CdsHooksOptions,
  logger: Logger,
  guards: RequestHandler[],
): void {
  const authenticated =
    (handler: (req: Request, res: Response, client: string) => Promise<void>) =>
    async (req: Request, res: Response): Promise<void> => {
      const check = await options.checkClient(req);
      if (!check.ok) {
        logger.warn({ route: req.getRoute()?.path, reason: check.reason }, 'rejected a CDS Hooks call');
        problem(res, 401, 'The call is not authenticated for this CDS service.');
        return;
      }
      await handler(req, res, check.client);
    };

  const record = async (entry: Omit<AuditEntry, 'at' | 'channelId' | 'contentVersion'>): Promise<void> => {
    await options.audit.record({
      at: options.now(),
      channelId: CHANNEL,
      contentVersion: CONTENT_VERSION,
      ...entry,
    });
  };

  for (const path of ['/cds-services', SERVICE_PATH, `${SERVICE_PATH}/feedback`]) {
    server.opts(path, cors, async (_req: Request, res: Response) => {
      res.send(204);
    });
  }

  server.get(
    '/cds-services',
    ...guards,
    cors,
    authenticated(async (_req, res) => {
      res.send(200, DISCOVERY);
    }),
  );

  server.post(
    SERVICE_PATH,
    ...guards,
    cors,
    authenticated(async (req, res) => {
      const parsed = CdsRequestSchema.safeParse(req.body);
      if (!parsed.success) {
        problem(res, 400, `Not a CDS Hooks request: ${firstIssue(parsed.error)}`);
        return;
      }
      const request = parsed.data;
      if (request.hook !== HOOK) {
        problem(res, 400, `This service answers the ${HOOK} hook, not ${request.hook}.`);
        return;
      }
      const gathered = await gatherRecord(request, { timeoutMs: options.fhirTimeoutMs });
      if (!gathered.ok) {
        logger.warn({ status: gathered.status, reason: gathered.message }, 'CDS Hooks record not gathered');
        problem(res, gathered.status, gathered.message);
        return;
      }
      const now = options.now();
      const result = caseFromFhir(gathered.resources, { now, lookbackDays: options.lookbackDays });
      const context = { patientId: request.context.patientId, chatLink: options.chatLink };
      let cards: Card[];
      let outcome: AuditEntry['outcome'];
      let ruleIds: string[] = [];
      let redFlags: string[] = [];
      if (result.ok) {
        const assessment = assess(result.case);
        cards = assessmentCards(assessment, result.mapping, context);
        outcome = { pattern: assessment.pattern, origin: assessment.origin, urgent: assessment.urgent };
        ruleIds = [...assessment.redFlags, ...assessment.findings].map((f) => f.id);
        redFlags = assessment.redFlags.map((f) => f.id);
      } else {
        cards = unassessableCards(result.problems, result.mapping, context);
      }
      // The card is built from the engine's own output; a shape error here is a bug, never sent.
      const response = CdsResponseSchema.parse({ cards });
      for (const card of response.cards) {
        try {
          await record({
            conversationId: card.uuid ?? request.hookInstance,
            userId: request.context.userId,
            step: 'cds-patient-view',
            event: 'card-shown',
            ruleIds,
            redFlags,
            ...(outcome === undefined ? {} : { outcome }),
          });
        } catch (error) {
          logger.error({ errorName: (error as Error).name }, 'audit record failed');
        }
      }
      logger.info({ cards: response.cards.length, queried: gathered.queried }, 'CDS Hooks call answered');
      res.send(200, response);
    }),
  );

  server.post(
    `${SERVICE_PATH}/feedback`,
    ...guards,
    cors,
    authenticated(async (req, res, client) => {
      const parsed = FeedbackSchema.safeParse(req.body);
      if (!parsed.success) {
        problem(res, 400, `Not CDS Hooks feedback: ${firstIssue(parsed.error)}`);
        return;
      }
      try {
        for (const item of parsed.data.feedback) {
          const reason = item.overrideReason?.reason?.code;
          // The audit trail holds tokens, never free text: the reason code is kept, the comment is not.
          const reasonToken =
            reason !== undefined && /^[A-Za-z0-9][A-Za-z0-9._-]{0,40}$/.test(reason) ? reason : 'unstated';
          await record({
            conversationId: item.card,
            userId: client,
            step: 'cds-feedback',
            event: item.outcome === 'accepted' ? 'card-accepted' : `card-overridden:${reasonToken}`,
            ruleIds: [],
            redFlags: [],
          });
        }
      } catch (error) {
        logger.error({ errorName: (error as Error).name }, 'audit record failed');
        problem(res, 503, 'The feedback could not be recorded; send it again.');
        return;
      }
      res.send(200, {});
    }),
  );
}

/** The first thing wrong with a body, named by its path, for a 400 the caller can act on. */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || '(body)'} ${issue?.message ?? ''}`.trim();
}
