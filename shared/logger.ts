/** One JSON line per event on stdout/stderr: what the local stack prints. */
import type { Logger } from './api/app-env.js';

export function createConsoleLogger(service: string, quiet = false): Logger {
  const write = (level: string, message: string, extra?: Record<string, unknown>) => {
    if (quiet && level !== 'error') return;
    const line = JSON.stringify({ level, time: new Date().toISOString(), service, message, ...extra });
    (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
  };
  return {
    info: (message, extra) => write('info', message, extra),
    warn: (message, extra) => write('warn', message, extra),
    error: (message, extra) => write('error', message, extra),
  };
}
