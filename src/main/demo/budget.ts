/**
 * Splits a whole number of rows over items in proportion to their weights, handing them out in order: each item
 * gets the rounded growth of the running share, so the parts always add up to exactly the total and none strays more
 * than one from its exact share. The items' weights must arrive in the same order they were summed in.
 */
export class Apportioner {
  private readonly total: number;
  private readonly totalWeight: number;
  private readonly offset: number;
  private weightSoFar = 0;
  private given = 0;

  /** `offset` in [0, 1) dithers where the roundings fall. */
  constructor(total: number, totalWeight: number, offset: number) {
    this.total = total;
    this.totalWeight = totalWeight;
    this.offset = offset;
  }

  share(weight: number): number {
    if (weight <= 0 || this.totalWeight <= 0) return 0;
    this.weightSoFar += weight;
    const upTo = Math.min(this.total, Math.floor((this.total * this.weightSoFar) / this.totalWeight + this.offset));
    const part = Math.max(0, upTo - this.given);
    this.given += part;
    return part;
  }
}
