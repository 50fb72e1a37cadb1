/**
 * Lambda's event filtering (an event source mapping's FilterCriteria) uses
 * EventBridge's content-filtering syntax. This evaluates the part of it our
 * stack's patterns use, so tests can ask which stream records a mapping lets
 * through: nested objects, literal values (any of a list) and `exists`. Any
 * other operator throws, so a pattern that starts using one fails its test
 * instead of being matched wrongly.
 * Syntax: https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html
 */

type Pattern = { [key: string]: Pattern | readonly unknown[] };

/** Whether `event` matches one pattern: every key of the pattern must match. */
export function matchesPattern(pattern: Pattern, event: unknown): boolean {
  return Object.entries(pattern).every(([key, rule]) => {
    const value = isObject(event) ? event[key] : undefined;
    return Array.isArray(rule) ? rule.some((accepted) => matchesValue(accepted, value)) : matchesPattern(rule as Pattern, value);
  });
}

/** Whether a mapping with these filters (JSON strings, as in FilterCriteria.Filters[].Pattern) invokes its function for `event`: any filter may match. */
export function passesFilters(patterns: readonly string[], event: unknown): boolean {
  return patterns.some((pattern) => matchesPattern(JSON.parse(pattern) as Pattern, event));
}

function matchesValue(accepted: unknown, value: unknown): boolean {
  if (isObject(accepted)) {
    const [operator, ...rest] = Object.keys(accepted);
    if (operator !== 'exists' || rest.length > 0) throw new Error(`This matcher does not know the filter operator in ${JSON.stringify(accepted)}.`);
    // `exists: true` matches leaves only (an object is not a value); `exists: false` matches an absent field.
    return accepted.exists ? value !== undefined && !isObject(value) : value === undefined;
  }
  return Array.isArray(value) ? value.includes(accepted) : value === accepted;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
