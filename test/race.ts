import { spawn } from 'node:child_process';

/**
 * A worker process for a race test: `ready` resolves once the script has loaded (it prints
 * "ready" on stderr), `go()` releases it, `done` is the JSON it prints on stdout. Releasing all
 * workers at once makes them really race on the shared database file.
 */
export function startRaceWorker<T>(script: string, args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((r) => (markReady = r));
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => {
    err += d;
    if (err.includes('ready')) markReady();
  });
  const done = new Promise<T>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`worker exited ${code}: ${err}`)))),
  );
  return { ready, done, go: () => child.stdin.write('go\n') };
}
