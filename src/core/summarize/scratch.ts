/**
 * A typed array reused from one summarization call to the next. Allocating typed arrays costs microseconds
 * each (a backing store the garbage collector tracks), which adds up over thousands of short calls. `take`
 * hands out the same buffer again, so what it returns is valid only until the next `take`, and may be
 * longer than asked for: index within the size you asked for.
 */
export class Scratch<T extends Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>> {
  private buffer: T;

  constructor(private readonly create: (length: number) => T) {
    this.buffer = create(256);
  }

  /** At least `size` elements, the first `size` of them zero. */
  take(size: number): T {
    if (this.buffer.length < size) this.buffer = this.create(Math.max(size, this.buffer.length * 2));
    else this.buffer.fill(0, 0, size);
    return this.buffer;
  }
}

export const int32Scratch = (): Scratch<Int32Array<ArrayBuffer>> => new Scratch((length) => new Int32Array(length));
export const float64Scratch = (): Scratch<Float64Array<ArrayBuffer>> => new Scratch((length) => new Float64Array(length));
