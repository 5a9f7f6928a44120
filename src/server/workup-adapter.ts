import {
  type Activity,
  CloudAdapter,
  type ConfigurationBotFrameworkAuthenticationOptions,
  ConfigurationServiceClientCredentialFactory,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import { RepliesNotDelivered, reportTurnFailure } from '../bot/turn-failure';
import { ClientReusingAuthentication } from './client-reusing-authentication';
import type { Config } from '../config/load-config';
import { ChannelSigningKeys, useSigningKeys } from './channel-signing-keys';
import { hashForLog, type Logger } from './logger';
import { RepeatedLog } from './repeated-log';

/** After a failed key fetch, requests fail at once (503, Retry-After) for this long. */
const KEY_RETRY_AFTER_MS = 10_000;

export type TurnLogic = (context: TurnContext) => Promise<void>;

/**
 * Bot Framework endpoints the adapter consults to validate a channel's token. Production leaves
 * them at Microsoft's defaults; tests point them at a local fake so nothing leaves the machine.
 */
export type AuthenticationEndpoints = Pick<
  ConfigurationBotFrameworkAuthenticationOptions,
  'ToBotFromChannelOpenIdMetadataUrl' | 'ToBotFromEmulatorOpenIdMetadataUrl' | 'ToBotFromChannelTokenIssuer'
>;

/**
 * CloudAdapter with the one entry point the server needs. `CloudAdapter.process` writes its own
 * responses and prints errors with console.error; the server validates the activity first and
 * wants to choose the status and log through pino, so it calls `processActivity` directly.
 */
export class WorkupAdapter extends CloudAdapter {
  handle(authHeader: string, activity: Activity, logic: TurnLogic): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/**
 * Setting any endpoint makes botbuilder take every endpoint from the options, leaving the rest
 * empty (and validation silently failing); so overrides are laid over the public cloud's values.
 */
function publicCloud(endpoints: AuthenticationEndpoints): ConfigurationBotFrameworkAuthenticationOptions {
  if (Object.keys(endpoints).length === 0) return {};
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: 'urn:botframework:azure',
    ...endpoints,
  };
}

/**
 * Every metadata URL botbuilder may fetch keys from gets a key cache with a deadline (see
 * ChannelSigningKeys): the channel's, and the Emulator's, which botbuilder consults for tokens
 * that name an Emulator issuer.
 */
function installSigningKeys(
  options: ConfigurationBotFrameworkAuthenticationOptions,
  timeoutMs: number,
  logger: Logger,
) {
  const log = new RepeatedLog(logger);
  const urls = new Set([
    options.ToBotFromChannelOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    options.ToBotFromEmulatorOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
  ]);
  for (const url of urls) {
    const host = new URL(url).host;
    useSigningKeys(
      url,
      new ChannelSigningKeys(url, {
        timeoutMs,
        retryAfterMs: KEY_RETRY_AFTER_MS,
        onFailure: (reason) =>
          log.error(`keys ${url}`, { host, reason }, 'could not fetch the Bot Framework signing keys'),
      }),
    );
  }
}

export function createAdapter(
  config: Pick<Config, 'bot'>,
  logger: Logger,
  overrides: AuthenticationEndpoints = {},
): WorkupAdapter {
  const configured = config.bot?.openIdMetadataUrl;
  const endpoints: AuthenticationEndpoints = {
    ...(configured === undefined ? {} : { ToBotFromChannelOpenIdMetadataUrl: configured }),
    ...overrides,
  };
  const credentials = {
    MicrosoftAppId: config.bot?.appId ?? '',
    MicrosoftAppPassword: config.bot?.appPassword ?? '',
    MicrosoftAppType: config.bot?.appType ?? 'MultiTenant',
    MicrosoftAppTenantId: config.bot?.tenantId ?? '',
  };
  // With an empty MicrosoftAppId the adapter neither validates incoming tokens nor signs replies:
  // that is local mode, which the configuration only allows on a loopback address.
  const options = { ...credentials, ...publicCloud(endpoints) };
  if (config.bot !== undefined) installSigningKeys(options, config.bot.keysTimeoutMs, logger);
  const authentication = new ClientReusingAuthentication(
    options,
    new ConfigurationServiceClientCredentialFactory(credentials),
  );
  const adapter = new WorkupAdapter(authentication);
  // The bot reports its own failures; this catches what fails around it (botbuilder's middleware).
  adapter.onTurnError = async (context, error) => {
    // Already reported by the bot; the channel's HTTP answer must say it too.
    if (error instanceof RepliesNotDelivered) throw error;
    await reportTurnFailure(context, logger, error, {
      conversation: hashForLog(context.activity.conversation?.id),
      activityType: context.activity.type,
    });
  };
  return adapter;
}

/** jsonwebtoken's errors, which botbuilder rethrows as they are for a bad signature or a malformed token. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/** The adapter's ways of saying "not authenticated": a 401/403 status, or a token error. */
export function isAuthenticationFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (TOKEN_ERRORS.has(error.name)) return true;
  return 'statusCode' in error && (error.statusCode === 401 || error.statusCode === 403);
}
