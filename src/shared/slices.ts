import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Long work written as a generator that yields now and then (a yield costs next to nothing), run
 * either at once or in slices that let the event loop answer other updates in between.
 */
export type Sliced<T> = Generator<void, T, void>;

export function atOnce<T>(work: Sliced<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** How long one slice runs before the event loop gets its turn. */
const SLICE_MS = 10;

export async function inSlices<T>(work: Sliced<T>, sliceMs = SLICE_MS): Promise<T> {
  let began = performance.now();
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (performance.now() - began >= sliceMs) {
      await nextTurn();
      began = performance.now();
    }
  }
}
