import { Agent, request } from 'node:http';

export interface RawRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface RawResponse {
  status: number;
  body: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

/** Far longer than any turn takes; a request still unanswered then is hanging, which is a finding. */
const UNANSWERED_AFTER_MS = 30_000;

/**
 * One HTTP request with exactly the bytes and headers given (fetch would fix up content types and
 * refuse some headers). A connection the server drops, or leaves unanswered, rejects.
 */
export function sendRaw(baseUrl: string, raw: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(raw.path, baseUrl),
      {
        method: raw.method,
        agent,
        headers: { ...raw.headers, 'Content-Length': String(raw.body.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.setTimeout(UNANSWERED_AFTER_MS, () =>
      req.destroy(new Error(`No answer to ${raw.method} ${raw.path} within ${UNANSWERED_AFTER_MS} ms`)),
    );
    req.on('error', reject);
    req.end(raw.body);
  });
}

export function closeRawConnections(): void {
  agent.destroy();
}
