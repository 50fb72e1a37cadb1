/**
 * Reads typed settings from environment variables, collecting every problem
 * (each naming its variable) instead of stopping at the first. Configuration is
 * read at every cold start of every function, so this is a few comparisons, not
 * a schema library: loading zod/mini, building its schemas and a first parse
 * were a visible share of the dispatcher's cold start (docs/PERFORMANCE.md),
 * on a path that checks fifty strings once.
 */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Record<string, string | undefined>) {}

  private raw(name: string): string | undefined {
    return this.env[name];
  }

  /** Text of at least `min` characters; the fallback when unset. */
  text(name: string, fallback: string, min = 1): string {
    return this.optionalText(name, min) ?? fallback;
  }

  optionalText(name: string, min = 0, message?: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (value.length < min) return this.problem(message ?? `${name} must be at least ${min} character${min === 1 ? '' : 's'}`);
    return value;
  }

  /** A whole number within bounds; the fallback when unset. */
  integer(name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const value = this.number(name, fallback, min, max);
    if (!Number.isInteger(value)) return this.problem(`${name} must be a whole number`) ?? fallback;
    return value;
  }

  /** A number within bounds (`exclusiveMin`: strictly above `min`); the fallback when unset. */
  number(name: string, fallback: number, min = -Infinity, max = Infinity, exclusiveMin = false): number {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    const tooSmall = exclusiveMin ? value <= min : value < min;
    if (raw.trim() === '' || !Number.isFinite(value)) return this.problem(`${name} must be a number`) ?? fallback;
    if (tooSmall || value > max) return this.problem(`${name} must be ${describeRange(min, max, exclusiveMin)}`) ?? fallback;
    return value;
  }

  /** `true`/`1` or `false`/`0`/empty; false when unset. */
  flag(name: string): boolean {
    const value = this.raw(name);
    if (value === undefined || value === '' || value === 'false' || value === '0') return false;
    if (value === 'true' || value === '1') return true;
    return this.problem(`${name} must be true, false, 1 or 0`) ?? false;
  }

  /** An http(s) address. */
  optionalUrl(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) return this.problem(`${name} must be an http or https address`);
    return value;
  }

  url(name: string, fallback: string): string {
    return this.optionalUrl(name) ?? fallback;
  }

  oneOf<T extends string>(name: string, options: readonly T[]): T | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (!(options as readonly string[]).includes(value)) return this.problem(`${name} must be one of ${options.join(', ')}`);
    return value as T;
  }

  /** Text matching `pattern`, else `message`; the fallback when unset. */
  matching(name: string, pattern: RegExp, message: string, fallback: string): string {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    return pattern.test(value) ? value : (this.problem(message) ?? fallback);
  }

  /** Records a problem; answers undefined so a reader can return it. */
  problem(message: string): undefined {
    this.problems.push(message);
    return undefined;
  }
}

function describeRange(min: number, max: number, exclusiveMin: boolean): string {
  const low = exclusiveMin ? `more than ${min}` : `at least ${min}`;
  if (min === -Infinity) return `at most ${max}`;
  if (max === Infinity || max === Number.MAX_SAFE_INTEGER) return low;
  return exclusiveMin ? `more than ${min} and at most ${max}` : `between ${min} and ${max}`;
}
