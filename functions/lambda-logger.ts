/** Powertools Logger (structured JSON, Lambda context) behind the app's Logger port. */
import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { LogAttributes } from '@aws-lambda-powertools/logger/types';
import type { Logger } from '../shared/api/app-env.js';

export function createLambdaLogger(serviceName: string): Logger {
  const logger = new PowertoolsLogger({ serviceName });
  const forward = (level: 'info' | 'warn' | 'error') => (message: string, extra?: Record<string, unknown>) =>
    extra ? logger[level](message, extra as LogAttributes) : logger[level](message);
  return { info: forward('info'), warn: forward('warn'), error: forward('error') };
}
