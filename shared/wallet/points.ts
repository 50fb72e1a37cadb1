/**
 * What a point is worth, in one place, for readers and publishers alike: one
 * US cent. Readers buy packs at the prices configured (POINT_PACKS; the default
 * 300 points for $4.20), so a bought point costs a reader a little more than it
 * pays a publisher; promotional points cost readers nothing.
 */
export const POINT_VALUE_CENTS = 1;
export const POINT_CURRENCY = 'usd';

export const pointsToCents = (points: number): number => points * POINT_VALUE_CENTS;
