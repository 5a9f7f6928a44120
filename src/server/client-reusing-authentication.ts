import { type Activity, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import {
  type AuthenticateRequestResult,
  AuthenticationConstants,
  type ClaimsIdentity,
  type ConnectorClient,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';

/** Enough for every channel and cloud one bot talks to; the oldest goes when a new one arrives. */
const MAX_CLIENTS = 64;

/** The bot's app id as botbuilder reads it from the claims (audience, else app id; empty when local). */
function appIdOf(claims: ClaimsIdentity): string {
  return (
    claims.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    claims.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

/** A small insertion-ordered cache of promises, so concurrent first turns share one client. */
class BoundedCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  get(key: string, create: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = create();
      // A failed creation (credentials unavailable) is not kept: the next turn tries again.
      entry.catch(() => this.entries.delete(key));
      if (this.entries.size >= MAX_CLIENTS) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, entry);
    }
    return entry;
  }
}

/**
 * botbuilder's authentication, with its outbound clients built once instead of on every turn.
 * CloudAdapter asks for a new ConnectorClient and a new UserTokenClient for each incoming
 * activity, and each builds an Azure HTTP pipeline (policies, user agent, proxy settings): about
 * two thirds of what CloudAdapter costs per turn, measured, even in an expectReplies turn that
 * uses neither. A client is tied to the app id, the service URL and the OAuth audience, and
 * its credentials refresh their own token, so one per such triple serves every turn.
 */
export class ClientReusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectorClients = new BoundedCache<ConnectorClient>();
  private readonly userTokenClients = new BoundedCache<UserTokenClient>();

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    if (result.connectorFactory === undefined) return result;
    return {
      ...result,
      connectorFactory: this.reusing(result.connectorFactory, appIdOf(result.claimsIdentity)),
    };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claimsIdentity), appIdOf(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokenClients.get(appIdOf(claimsIdentity), () =>
      super.createUserTokenClient(claimsIdentity),
    );
  }

  private reusing(factory: ConnectorFactory, appId: string): ConnectorFactory {
    return {
      create: (serviceUrl: string, audience?: string) =>
        this.connectorClients.get(`${appId}\u0000${serviceUrl}\u0000${audience ?? ''}`, () =>
          factory.create(serviceUrl, audience),
        ),
    };
  }
}
