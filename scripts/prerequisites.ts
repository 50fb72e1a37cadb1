/**
 * What `npm start` and `npm test` need from the machine beyond `npm ci`, each
 * with the command that installs it. Only Node's own modules here: the test
 * command checks these before anything else loads, so a missing one is named
 * in a second, not by a test file failing minutes into the run.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

export interface MissingPrerequisite {
  name: string;
  /** What is wrong, in one sentence. */
  problem: string;
  /** How to get it, for the common systems. */
  install: string;
}

/** The browser the web app's tests drive: Debian's Chromium, or the one at CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** DynamoDB Local is a Java program and needs Java 17 or newer. */
export function missingJava(command = 'java'): MissingPrerequisite | undefined {
  const probe = spawnSync(command, ['-version'], { encoding: 'utf8', timeout: 10_000 });
  const output = `${probe.stderr ?? ''}${probe.stdout ?? ''}`;
  const major = Number(output.match(/version "(\d+)/)?.[1] ?? 0);
  if (!probe.error && major >= 17) return undefined;
  return {
    name: 'Java 17 or newer',
    problem: `DynamoDB Local needs Java 17 or newer${major ? ` (found ${major})` : ' and none was found'}.`,
    install: 'sudo apt-get install -y default-jre-headless (Debian/Ubuntu) or brew install openjdk@17 (macOS)',
  };
}

/** The browser tests launch Chromium themselves; playwright-core downloads none. */
export function missingChromium(path = CHROMIUM_PATH): MissingPrerequisite | undefined {
  if (isExecutable(path)) return undefined;
  return {
    name: 'Chromium',
    problem: `The web app's browser tests need Chromium, and there is none at ${path}.`,
    install: 'sudo apt-get install -y chromium (Debian/Ubuntu), or point CHROMIUM_PATH at a Chromium or Chrome binary',
  };
}

/** The README's quick start runs in a test as written: with bash and curl. */
export function missingCurl(): MissingPrerequisite | undefined {
  const probe = spawnSync('curl', ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (!probe.error && probe.status === 0) return undefined;
  return { name: 'curl', problem: "The README's quick start is tested as written, with curl, and curl was not found.", install: 'sudo apt-get install -y curl' };
}

export function testPrerequisitesMissing(): MissingPrerequisite[] {
  return [missingJava(), missingChromium(), missingCurl()].filter((missing): missing is MissingPrerequisite => missing !== undefined);
}

export function describeMissing(missing: readonly MissingPrerequisite[]): string {
  return missing.map((item) => `  - ${item.name}: ${item.problem}\n    install: ${item.install}`).join('\n');
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
