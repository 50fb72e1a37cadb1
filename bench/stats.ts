/** Small helpers for benchmark figures. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function timeIt<T>(run: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

export function printTable(title: string, rows: Array<Record<string, string | number>>): void {
  process.stdout.write(`\n## ${title}\n\n`);
  const headers = Object.keys(rows[0] ?? {});
  process.stdout.write(`| ${headers.join(' | ')} |\n| ${headers.map(() => '---').join(' | ')} |\n`);
  for (const row of rows) process.stdout.write(`| ${headers.map((header) => String(row[header])).join(' | ')} |\n`);
}
