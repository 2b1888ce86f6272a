// npm run preview: build the renderer when needed, then serve it with the backend on 127.0.0.1.
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npx', ['electron-vite', 'build']);
run('npx', ['tsx', 'electron/backend/http/preview.ts', ...process.argv.slice(2)]);
