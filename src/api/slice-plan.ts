/** How a coordinator cuts a run into slices and paces them. */
export type SliceWindow = {
  /** Plan positions per slice. */
  readonly sliceSize: number;
  /** Slices queued or in flight at once, at most. */
  readonly window: number;
  /** How often the store and the queue are read, ms. */
  readonly pollMs: number;
  /** Passes over unrecorded positions before giving up. */
  readonly maxPasses: number;
};

/** The unrecorded plan positions of a run, in plan order, cut into slices of at most `size` positions. */
export function* planSlices(input: { planned: number; isRecorded: (seq: number) => boolean; size: number }): Generator<readonly number[]> {
  let slice: number[] = [];
  for (let seq = 0; seq < input.planned; seq += 1) {
    if (input.isRecorded(seq)) continue;
    slice.push(seq);
    if (slice.length >= input.size) {
      yield slice;
      slice = [];
    }
  }
  if (slice.length > 0) yield slice;
}
