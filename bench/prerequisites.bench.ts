/**
 * `npm test`'s prerequisite check as a newcomer meets it: seconds from launch
 * to its verdict on a ready machine and on a bare one (no Java or curl on the
 * PATH, no Chromium), beside a bare Node start and a bare `tsx` start in the
 * same run. The check promises its verdict within two seconds.
 */
import { spawnSync } from 'node:child_process';
import { median, printTable, round } from './stats.js';

const RUNS = 7;

function secondsOf(args: string[], env: Record<string, string> = {}): number {
  const started = performance.now();
  spawnSync(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
  return (performance.now() - started) / 1000;
}

function medianOf(args: string[], env?: Record<string, string>): number {
  secondsOf(args, env);
  return round(median(Array.from({ length: RUNS }, () => secondsOf(args, env))), 2);
}

export async function runPrerequisitesBench(): Promise<void> {
  const check = ['--import', 'tsx', 'scripts/check-test-prerequisites.ts'];
  printTable(`npm test's prerequisite check (scripts/check-test-prerequisites.ts), median of ${RUNS} runs after one warm-up`, [
    { run: 'baseline: node -e ""', seconds: medianOf(['-e', '']) },
    { run: 'baseline: tsx on an empty script', seconds: medianOf(['--import', 'tsx', '-e', '']) },
    { run: 'the check, everything installed', seconds: medianOf(check) },
    { run: 'the check, nothing installed (three named)', seconds: medianOf(check, { PATH: '/nonexistent', CHROMIUM_PATH: '/nonexistent/chromium' }) },
  ]);
}
