/** Seeded randomness for the simulation, so two runs draw the same workload. */

/** mulberry32: a small, well-spread 32-bit generator; numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Ranks 0..n-1 drawn with probability ∝ 1/(rank+1)^s: a few items get most
 * of the attention, as publishers, articles and accounts do.
 */
export function zipf(n: number, s: number, random: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 0; rank < n; rank++) cumulative.push((total += 1 / (rank + 1) ** s));
  return () => {
    const target = random() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

/** The share of all draws that goes to the most drawn rank. */
export const topShare = (n: number, s: number): number => {
  let total = 0;
  for (let rank = 0; rank < n; rank++) total += 1 / (rank + 1) ** s;
  return 1 / total;
};
