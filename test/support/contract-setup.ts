/** Fails a test file whose API traffic broke the documented contract (see api-contract.ts). */
import { afterAll, expect } from 'vitest';
import { contractViolations } from './api-contract.js';

afterAll(() => {
  expect([...new Set(contractViolations)], 'responses the OpenAPI document does not describe').toEqual([]);
});
