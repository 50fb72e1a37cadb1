/**
 * A real browser for the web app's tests: Debian's Chromium driven by
 * playwright-core (no browser download), and axe-core run inside each page.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_PATH, missingChromium } from '../../scripts/prerequisites.js';

export const SCREENSHOTS = path.resolve('test/output/screenshots');

export async function launchBrowser(): Promise<Browser> {
  const missing = missingChromium();
  if (missing) throw new Error(`${missing.problem} Install it: ${missing.install}.`);
  await mkdir(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // As root (CI) Chromium needs --no-sandbox; the rest keeps it from calling home on a closed network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/**
 * axe-core's WCAG 2.1 A/AA and best-practice rules on the page as it is now;
 * returns the serious and critical violations. axe runs through the DevTools
 * protocol, so the page's own Content-Security-Policy stays as strict as ever.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<Array<{ rule: string; impact: string | null; help: string; targets: string[] }>> {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const violations = (await page.evaluate(async (source) => {
    // eslint-disable-next-line no-eval
    (0, eval)(source);
    const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations;
  }, axeSource)) as AxeViolation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ rule: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => JSON.stringify(node.target)) }));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
