import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export const SANDBOX_ISSUER = 'https://sandbox.cds-hooks.org';

export interface TokenOverrides {
  alg?: string;
  kid?: string;
  jku?: string;
  iss?: string;
  jti?: string;
  /** Seconds from now. */
  expiresIn?: number;
  issuedAgo?: number;
  key?: CryptoKey | Uint8Array;
}

export interface CdsTestClient {
  /** The key set this client publishes on loopback. */
  jwksUrl: string;
  /** A second key set on the same server that is not on the service's allowlist. */
  otherJwksUrl: string;
  /** A JWT as the CDS Hooks sandbox signs it: ES384, typ JWT, kid, iss, aud = the URL called, exp +300 s, a jti. */
  sign(aud: string, overrides?: TokenOverrides): Promise<string>;
  /** An unsigned token (alg none), which no service may accept. */
  unsigned(aud: string): string;
  close(): Promise<void>;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export async function startCdsClient(): Promise<CdsTestClient> {
  const { publicKey, privateKey } = await generateKeyPair('ES384');
  const other = await generateKeyPair('ES384');
  const published: JWK = { ...(await exportJWK(publicKey)), kid: 'sandbox-key-1', alg: 'ES384', use: 'sig' };
  const otherPublished: JWK = {
    ...(await exportJWK(other.publicKey)),
    kid: 'other-key',
    alg: 'ES384',
    use: 'sig',
  };
  const server: Server = createServer((req, res) => {
    const keys =
      req.url === '/jwks.json' ? [published] : req.url === '/other-jwks.json' ? [otherPublished] : undefined;
    if (keys === undefined) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    jwksUrl: `${origin}/jwks.json`,
    otherJwksUrl: `${origin}/other-jwks.json`,
    sign: async (aud, o = {}) => {
      const now = Math.floor(Date.now() / 1000);
      const iat = now - (o.issuedAgo ?? 0);
      return new SignJWT({})
        .setProtectedHeader({
          alg: o.alg ?? 'ES384',
          typ: 'JWT',
          kid: o.kid ?? 'sandbox-key-1',
          ...(o.jku === undefined ? {} : { jku: o.jku }),
        })
        .setIssuer(o.iss ?? SANDBOX_ISSUER)
        .setAudience(aud)
        .setIssuedAt(iat)
        .setExpirationTime(iat + (o.expiresIn ?? 300))
        .setJti(o.jti ?? randomUUID())
        .sign(o.key ?? privateKey);
    },
    unsigned: (aud) => {
      const now = Math.floor(Date.now() / 1000);
      return `${base64url({ alg: 'none', typ: 'JWT', kid: 'sandbox-key-1' })}.${base64url({
        iss: SANDBOX_ISSUER,
        aud,
        iat: now,
        exp: now + 300,
        jti: randomUUID(),
      })}.`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
