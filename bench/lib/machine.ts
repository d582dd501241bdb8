// The machine and software a run was measured on.
import { readFileSync } from 'node:fs';
import os from 'node:os';

function packageVersion(name: string): string {
  try {
    const url = new URL(`../../node_modules/${name}/package.json`, import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function describeMachine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    ramGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

export function describeVersions() {
  return {
    yjs: packageVersion('yjs'),
    'y-websocket (reference server)': packageVersion('y-websocket-ref'),
    '@hocuspocus/server': packageVersion('@hocuspocus/server'),
    ws: packageVersion('ws'),
  };
}
