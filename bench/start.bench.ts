/**
 * `npm start` as a newcomer meets it: seconds from launch to its first line and
 * to "postwire is running", each step as it reports itself, median of a few
 * fresh starts (DynamoDB Local in memory, a free port each time).
 */
import { spawn } from 'node:child_process';
import { freePort } from '../scripts/dynamodb-local.js';
import { median, printTable, round } from './stats.js';

const STARTS = 3;

async function timeOneStart(): Promise<{ firstLine: number; running: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env: { ...process.env, PORT: String(port), POLL_INTERVAL_SECONDS: '3600' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let firstLine: number | undefined;
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      firstLine ??= (performance.now() - started) / 1000;
      output += chunk.toString();
      if (output.includes('postwire is running')) {
        const running = (performance.now() - started) / 1000;
        child.once('exit', () => resolve({ firstLine: firstLine!, running }));
        child.kill('SIGTERM');
      }
    });
    child.once('exit', (code) => {
      if (!output.includes('postwire is running')) reject(new Error(`npm start exited (${code}) before it was running:\n${output}`));
    });
  });
}

export async function runStartBench(): Promise<void> {
  const runs: Array<{ firstLine: number; running: number }> = [];
  for (let run = 0; run < STARTS; run++) runs.push(await timeOneStart());
  printTable(`npm start (scripts/start.ts), median of ${STARTS} fresh starts, DynamoDB Local in memory`, [
    { moment: 'first line on the terminal', seconds: round(median(runs.map((run) => run.firstLine)), 2) },
    { moment: '"postwire is running" (listening, table ready)', seconds: round(median(runs.map((run) => run.running)), 2) },
  ]);
}
