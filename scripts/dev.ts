// `npm run dev`: the server from its sources (through tsx, on API_PORT, default 8080) and Vite's dev
// server on http://127.0.0.1:5173, which proxies the API and the collaboration socket to it
// (vite.config.ts) and reloads the client as its files change. The server does not build or serve
// the client here, and accepts sockets from the Vite page's origin. Ctrl+C stops both.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const apiPort = process.env.API_PORT ?? '8080';

const children: ChildProcess[] = [
  spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: apiPort,
      SERVE_CLIENT: '0',
      PUBLIC_ORIGINS: process.env.PUBLIC_ORIGINS ?? 'http://127.0.0.1:5173,http://localhost:5173',
    },
  }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--host', '127.0.0.1'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, API_PORT: apiPort },
  }),
];

let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of children) child.once('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
