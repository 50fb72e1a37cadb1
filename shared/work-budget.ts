/**
 * A time budget for CPU-heavy work that shares the event loop with requests
 * (parsing and cleaning a feed document). The work calls `pause()` between
 * small steps: once it has held the loop for a slice, it steps aside so other
 * requests get their turn, and `expired` tells it when to stop altogether.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** What a feed document may take when its caller sets no budget (FEED_DOCUMENT_BUDGET_MS sets it in the app). */
export const DEFAULT_DOCUMENT_BUDGET_MS = 15_000;

/** How long work may hold the event loop before it lets others run. */
const SLICE_MS = 10;

export class WorkBudget {
  private readonly deadline: number;
  private sliceStart: number;

  constructor(
    readonly budgetMs: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.sliceStart = clock();
    this.deadline = this.sliceStart + budgetMs;
  }

  get expired(): boolean {
    return this.clock() > this.deadline;
  }

  /** Lets other callbacks run if this work has held the event loop for a slice. */
  async pause(): Promise<void> {
    if (this.clock() - this.sliceStart < SLICE_MS) return;
    await nextTurn();
    this.sliceStart = this.clock();
  }
}
