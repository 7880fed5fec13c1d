// Which of an article's mention spans (sorted by start) covers an offset.

/** The index of the span covering `offset`, or -1. Spans are sorted by start, longer first on a tie. */
export function spanAt(starts: Int32Array, ends: Int32Array, offset: number): number {
  let lo = 0, hi = starts.length - 1, hit = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= offset) {
      hit = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Mentions do not nest, but be safe about a shorter one inside a longer.
  for (let i = hit; i >= 0 && i > hit - 4; i--) if (starts[i] <= offset && offset < ends[i]) return i;
  return -1;
}
