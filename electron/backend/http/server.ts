import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname, join, normalize, relative, resolve, sep } from 'node:path';
import type { Backend } from '../createBackend';
import { newId } from '../ids';

export interface HttpServerOptions {
  backend: Backend;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Largest accepted upload (spreadsheets for import). */
  maxUploadBytes?: number;
}

export interface HttpServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const MAX_RPC_BYTES = 16 * 1024 * 1024;

/** The folders the browser may upload into and download from: nothing else on disk is reachable. */
export function uploadsDir(dataDir: string): string {
  return join(dataDir, 'uploads');
}
export function exportsDir(dataDir: string): string {
  return join(dataDir, 'exports');
}

function inside(root: string, candidate: string): boolean {
  const rel = relative(resolve(root), resolve(candidate));
  return rel !== '' && !rel.startsWith('..') && !rel.includes(`..${sep}`) && !resolve(candidate).startsWith('\\\\');
}

/** A file name with path separators, reserved and control characters replaced. */
function safeFileName(raw: string): string {
  const cleaned = [...basename(raw)].map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('');
  return cleaned.slice(0, 200) || 'upload';
}

function sameToken(a: string | undefined | null, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('payload too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

/**
 * The browser preview's transport: the built renderer plus POST /rpc → dispatch, bound to 127.0.0.1
 * only. Every call carries the per-run token; the Host header must be our own loopback address, which
 * defeats DNS rebinding; no CORS headers are ever sent, so other origins cannot read anything.
 */
export async function startHttpServer(opts: HttpServerOptions): Promise<HttpServer> {
  const { backend } = opts;
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const staticRoot = resolve(opts.staticDir);
  const maxUpload = opts.maxUploadBytes ?? 512 * 1024 * 1024;
  let port = 0;
  const indexHtml = (): string =>
    readFileSync(join(staticRoot, 'index.html'), 'utf8').replace('<head>', `<head>\n    <meta name="salesdesk-token" content="${token}" />`);

  const server = createServer(async (req, res) => {
    try {
      const host = req.headers.host ?? '';
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 403, 'forbidden host');
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      const authed = sameToken(req.headers['x-salesdesk-token'] as string | undefined, token) || sameToken(url.searchParams.get('token'), token);

      if (url.pathname === '/rpc' && req.method === 'POST') {
        if (!sameToken(req.headers['x-salesdesk-token'] as string | undefined, token)) return send(res, 401, 'bad token');
        const body = await readBody(req, MAX_RPC_BYTES);
        let parsed: { method?: unknown; payload?: unknown };
        try {
          parsed = JSON.parse(body.toString('utf8')) as typeof parsed;
        } catch {
          return send(res, 400, 'invalid JSON');
        }
        const result = await backend.dispatch(String(parsed.method), parsed.payload);
        return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
      }

      if (url.pathname === '/events' && req.method === 'GET') {
        if (!authed) return send(res, 401, 'bad token');
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        const unsubscribe = backend.events.subscribe((name, payload) => {
          res.write(`event: message\ndata: ${JSON.stringify({ name, payload })}\n\n`);
        });
        const keepAlive = setInterval(() => res.write(': ping\n\n'), 25_000);
        req.on('close', () => {
          clearInterval(keepAlive);
          unsubscribe();
        });
        return;
      }

      if (url.pathname === '/upload' && req.method === 'POST') {
        if (!sameToken(req.headers['x-salesdesk-token'] as string | undefined, token)) return send(res, 401, 'bad token');
        const name = safeFileName(decodeURIComponent(String(req.headers['x-file-name'] ?? 'upload')));
        const body = await readBody(req, maxUpload);
        const dir = join(uploadsDir(backend.core.dataDir), newId());
        mkdirSync(dir, { recursive: true });
        const file = join(dir, name);
        writeFileSync(file, body);
        return send(res, 200, JSON.stringify({ path: file }), 'application/json; charset=utf-8');
      }

      if (url.pathname === '/download' && req.method === 'GET') {
        if (!authed) return send(res, 401, 'bad token');
        const file = url.searchParams.get('path') ?? '';
        if (!inside(exportsDir(backend.core.dataDir), file) || !existsSync(file)) return send(res, 404, 'not found');
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(basename(file))}`,
          'content-length': statSync(file).size,
        });
        createReadStream(file).pipe(res);
        return;
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204);
        return res.end();
      }
      if (url.pathname === '/' || url.pathname === '/index.html') {
        // The page's own CSP is a meta tag; frame-ancestors only works as a header.
        res.setHeader('content-security-policy', "frame-ancestors 'none'");
        res.setHeader('x-frame-options', 'DENY');
        return send(res, 200, indexHtml(), MIME['.html']);
      }
      const file = normalize(join(staticRoot, decodeURIComponent(url.pathname)));
      if (!inside(staticRoot, file) || !existsSync(file) || !statSync(file).isFile()) return send(res, 404, 'not found');
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'x-content-type-options': 'nosniff', 'cache-control': 'public, max-age=3600' });
      createReadStream(file).pipe(res);
    } catch (error) {
      backend.core.logger.error('http server error', error);
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.end();
    }
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
