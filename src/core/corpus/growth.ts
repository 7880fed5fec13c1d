// Capacities for the arrays that grow with the articles of a fill (claims, postings, feature
// runs). Grown by half or double each time, an array holding a few MB is copied a dozen times on
// the way, and every copy it leaves behind is a freed block in the thread's malloc arena: on
// 18,834 articles those blocks came to about 20 MB that the process kept after the fill. When the
// number of articles to come is known, the array is grown once to what that number projects.

/** Articles seen before a projection is trusted: fewer are too few to stand for the rest. */
const MIN_SHARE = 1 / 32;
/** Room over the projection, so that a fill a little richer than its start is not grown again. */
const SLACK = 1.05;

export class Growth {
  private expected = 0;
  private added = 0;

  /** `n` articles are about to be added to an empty index. */
  expect(n: number): void {
    this.expected = n;
    this.added = 0;
  }

  /** One more article added (an article replaced is not one more). */
  count(): void {
    if (this.added < this.expected) this.added++;
  }

  /**
   * What to grow an array of `current` elements to when it must hold `need`, for an array that
   * grows in proportion to the articles: `factor` times bigger as usual, or, during an expected
   * fill, to what the articles added so far project for all of them (a projection that fell short
   * is made again from more articles, not doubled).
   */
  capacity(current: number, need: number, factor = 1.5, least = 64): number {
    const { added, expected } = this;
    if (added >= expected || added < expected * MIN_SHARE) return Math.max(need, Math.ceil(current * factor), least);
    return Math.max(least, Math.ceil((need / added) * expected * SLACK));
  }
}
