/**
 * A time budget for CPU-heavy work that shares the event loop with requests
 * (parsing and cleaning a feed document). The work calls `pause()` between
 * small steps: once it has held the loop for a slice, it steps aside so other
 * requests get their turn, and `expired` tells it when to stop altogether.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long work may hold the event loop before it lets others run. */
const SLICE_MS = 10;

export class WorkBudget {
  private readonly deadline: number;
  private sliceStart = performance.now();

  constructor(readonly budgetMs: number) {
    this.deadline = performance.now() + budgetMs;
  }

  get expired(): boolean {
    return performance.now() > this.deadline;
  }

  /** Lets other callbacks run if this work has held the event loop for a slice. */
  async pause(): Promise<void> {
    if (performance.now() - this.sliceStart < SLICE_MS) return;
    await nextTurn();
    this.sliceStart = performance.now();
  }
}
