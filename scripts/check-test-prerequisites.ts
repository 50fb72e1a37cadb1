/**
 * `npm test` runs this first: every prerequisite the suite needs that this
 * machine lacks, named together with its install command, and a non-zero exit.
 */
import { describeMissing, testPrerequisitesMissing } from './prerequisites.js';

const missing = testPrerequisitesMissing();
if (missing.length > 0) {
  process.stderr.write(`The test suite cannot run on this machine yet; install what is missing and run npm test again:\n${describeMissing(missing)}\n`);
  process.exit(1);
}
