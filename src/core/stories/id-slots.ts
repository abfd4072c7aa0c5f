/**
 * Numbers by small integer id, emptied in O(1): a slot counts only when it was written since the last clear.
 * Scoring and merging look a story's terms up here, in arrays, instead of hashing; clearing by epoch means
 * they never walk the whole vocabulary-sized array.
 */
export class IdSlots {
  private values = new Float64Array(1024);
  private stamps = new Uint32Array(1024);
  private epoch = 1;

  clear(): void {
    this.epoch++;
    if (this.epoch === 0xffffffff) {
      this.stamps.fill(0);
      this.epoch = 1;
    }
  }

  set(id: number, value: number): void {
    if (id >= this.stamps.length) this.grow(id);
    this.values[id] = value;
    this.stamps[id] = this.epoch;
  }

  get(id: number): number | undefined {
    return this.stamps[id] === this.epoch ? this.values[id] : undefined;
  }

  private grow(id: number): void {
    let size = this.stamps.length * 2;
    while (size <= id) size *= 2;
    const values = new Float64Array(size);
    const stamps = new Uint32Array(size);
    values.set(this.values);
    stamps.set(this.stamps);
    [this.values, this.stamps] = [values, stamps];
  }
}
