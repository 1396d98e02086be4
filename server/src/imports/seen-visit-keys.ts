/**
 * The visit keys stored earlier in this file (a second row with one is a duplicate). A batch's
 * additions are journalled so that a rolled-back transaction can take them back: copying the whole
 * set before each batch would cost O(rows so far) per batch, quadratic over a million-row file.
 */
export class SeenVisitKeys {
  private readonly keys = new Set<string>();
  private pending: string[] = [];

  has(key: string): boolean {
    return this.keys.has(key);
  }

  add(key: string): void {
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.pending.push(key);
  }

  /** The batch committed: its keys stay. */
  keep(): void {
    this.pending = [];
  }

  /** The batch rolled back: forget the keys it added. */
  forget(): void {
    for (const key of this.pending) this.keys.delete(key);
    this.pending = [];
  }
}
