import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { RequestHandler, Server } from 'restify';
import { findProjectFolder } from '../../runtime/project-folder';

/** The page's own files live in `public/` at the project root, above both `src/` and `dist/src/`. */
const findPublicDir = (): string => findProjectFolder(__dirname, 'public', 'index.html');

/** The package's `exports` hide `dist/`; its main entry sits in `lib/`, next to it. */
function webChatBundlePath(): string {
  return path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

/** The SMART client library's browser build without polyfills (the page targets current browsers). */
function fhirClientBundlePath(): string {
  return require.resolve('fhirclient/build/fhir-client.pure.min.js');
}

interface Asset {
  type: string;
  load: () => Buffer;
  /** The same bytes gzipped once: Web Chat is 3.9 MB raw, about 1 MB compressed. */
  loadGzipped: () => Buffer;
}

function cached(load: () => Buffer): () => Buffer {
  let content: Buffer | undefined;
  return () => (content ??= load());
}

/**
 * `GET /` and its assets, all from this server: Web Chat comes from node_modules, never a CDN,
 * so the page works on a network with no internet access.
 */
export function registerWebPageRoutes(server: Server, guards: RequestHandler[]): void {
  const publicDir = findPublicDir();
  const file = (name: string) => cached(() => readFileSync(path.join(publicDir, name)));
  const page = file('index.html');
  const launchPage = file('launch.html');
  const asset = (type: string, load: () => Buffer): Asset => ({
    type,
    load,
    loadGzipped: cached(() => gzipSync(load())),
  });
  const assets = new Map<string, Asset>([
    ['app.js', asset('text/javascript; charset=utf-8', file('app.js'))],
    ['styles.css', asset('text/css; charset=utf-8', file('styles.css'))],
    ['smart-launch.js', asset('text/javascript; charset=utf-8', file('smart-launch.js'))],
    ['smart-import.js', asset('text/javascript; charset=utf-8', file('smart-import.js'))],
    [
      'fhir-client.js',
      asset(
        'text/javascript; charset=utf-8',
        cached(() => readFileSync(fhirClientBundlePath())),
      ),
    ],
    [
      'webchat.js',
      asset(
        'text/javascript; charset=utf-8',
        cached(() => readFileSync(webChatBundlePath())),
      ),
    ],
  ]);

  const html =
    (load: () => Buffer): RequestHandler =>
    async (_req, res) => {
      const body = load();
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
      });
      res.end(body);
    };
  server.get('/', ...guards, html(page));
  // The SMART launch URL an EHR opens (and the standalone launch's server picker).
  server.get('/launch', ...guards, html(launchPage));

  server.get('/assets/:name', ...guards, async (req, res) => {
    const found = assets.get(String(req.params.name));
    if (found === undefined) {
      res.send(404, { code: 'NotFound', message: 'No such asset.' });
      return;
    }
    const gzip = /\bgzip\b/.test(req.header('accept-encoding', ''));
    const body = gzip ? found.loadGzipped() : found.load();
    res.writeHead(200, {
      'Content-Type': found.type,
      'Content-Length': body.length,
      'Cache-Control': 'public, max-age=3600',
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(body);
  });
}
