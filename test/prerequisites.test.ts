/**
 * `npm test` on a machine that lacks what the suite needs: every missing
 * prerequisite is named at once, with its install command, before any test runs.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const checkOn = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-test-prerequisites.ts'], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('the test command on a bare machine', () => {
  it('names Java, Chromium and curl together, each with the command that installs it, and stops', () => {
    // No PATH finds java or curl; no Chromium where CHROMIUM_PATH points.
    const bare = checkOn({ PATH: '/nonexistent', CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(bare.status).toBe(1);
    expect(bare.stderr).toContain('Java 17 or newer: DynamoDB Local needs Java 17 or newer and none was found.');
    expect(bare.stderr).toContain('install: sudo apt-get install -y default-jre-headless');
    expect(bare.stderr).toContain("Chromium: The web app's browser tests need Chromium, and there is none at /nonexistent/chromium.");
    expect(bare.stderr).toContain('install: sudo apt-get install -y chromium');
    expect(bare.stderr).toContain('install: sudo apt-get install -y curl');
  });

  it('says nothing and lets the suite run where everything is installed', () => {
    const ready = checkOn({});
    expect(ready.stderr).toBe('');
    expect(ready.status).toBe(0);
  });
});
