/**
 * The README's quick start, run word for word against a started stack: every
 * command works as written, captures the ids it needs, and stops on an error
 * instead of carrying `undefined` on. If the README and the API drift apart,
 * this fails.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ADMIN_TOKEN } from './support/test-stack.js';
import { createWebTestStack, type WebTestStack } from './support/web-stack.js';

const MARKER = '<!-- quick-start: a test runs this block -->';

function quickStart(): string {
  const readme = readFileSync('README.md', 'utf8');
  const from = readme.indexOf(MARKER);
  expect(from, 'the README marks its quick start block').toBeGreaterThan(0);
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(from))!;
  return block[1]!;
}

let stack: WebTestStack;

/** Runs the block with bash, asynchronously: the server answering it lives in this same process. */
async function runBlock(env: Record<string, string>): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('bash', ['-c', quickStart()], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { status: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

beforeAll(async () => {
  stack = await createWebTestStack({ mail: true });
});

afterAll(async () => {
  await stack.close();
});

describe('the README quick start', () => {
  it('runs as written, and each step prints what the README says it prints', async () => {
    const script = quickStart();
    const run = await runBlock({ BASE: stack.url, ADMIN_TOKEN, MAIL_INBOX_URL: inject('mailInboxUrl') });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // The README's "# → …" notes, in order, against what each command printed.
    const promised = [...script.matchAll(/# → (\S+)/g)].map((match) => match[1]);
    expect(run.stdout.trim().split('\n')).toEqual(promised);
  });

  it('stops at the first failing step with the API\'s own message, not an "undefined" further on', async () => {
    const run = await runBlock({ BASE: stack.url, ADMIN_TOKEN: 'not-the-admin-token-0000' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/token/i);
    expect(run.stdout).toBe('');
  });
});
