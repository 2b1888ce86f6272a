import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportsDir, startHttpServer, type HttpServer } from '../../electron/backend/http/server';
import { setUpBackend } from '../helpers/backend';

let t: Awaited<ReturnType<typeof setUpBackend>>;
let server: HttpServer;

beforeAll(async () => {
  t = await setUpBackend();
  const staticDir = join(t.dir, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<html><head><title>x</title></head><body></body></html>');
  writeFileSync(join(staticDir, 'assets', 'a.js'), 'console.log(1)');
  writeFileSync(join(t.dir, 'secret.txt'), 'secret');
  server = await startHttpServer({ backend: t.backend, staticDir });
});

afterAll(async () => {
  await server.close();
  t.close();
});

function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const rpc = (headers: Record<string, string>, body = JSON.stringify({ method: 'system.status', payload: {} })) => raw('/rpc', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('loopback HTTP transport', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('answers RPC with the token, refuses without it', async () => {
    const ok = await rpc({ 'x-salesdesk-token': server.token });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { firstRun: false } });
    expect((await rpc({})).status).toBe(401);
    expect((await rpc({ 'x-salesdesk-token': `${server.token}x` })).status).toBe(401);
  });

  it('refuses other Host headers (DNS rebinding)', async () => {
    const r = await raw('/', { headers: { host: `evil.example:${server.port}` } });
    expect(r.status).toBe(403);
  });

  it('puts the token in the page and serves assets, but nothing outside the renderer folder', async () => {
    const index = await raw('/');
    expect(index.body).toContain(`content="${server.token}"`);
    expect((await raw('/assets/a.js')).status).toBe(200);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const r = await raw(p);
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('secret');
    }
  });

  it('downloads only from the exports folder', async () => {
    const dir = exportsDir(t.core.dataDir);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'report.csv'), 'a,b');
    const ok = await raw(`/download?token=${server.token}&path=${encodeURIComponent(join(dir, 'report.csv'))}`);
    expect(ok).toMatchObject({ status: 200, body: 'a,b' });
    const evil = await raw(`/download?token=${server.token}&path=${encodeURIComponent(join(dir, '..', '..', 'secret.txt'))}`);
    expect(evil.status).toBe(404);
    expect((await raw(`/download?path=${encodeURIComponent(join(dir, 'report.csv'))}`)).status).toBe(401);
  });

  it('answers malformed RPC bodies with 400, not a crash', async () => {
    expect((await rpc({ 'x-salesdesk-token': server.token }, '{not json')).status).toBe(400);
    const unknown = await rpc({ 'x-salesdesk-token': server.token }, JSON.stringify({ method: '__proto__', payload: {} }));
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });
});
