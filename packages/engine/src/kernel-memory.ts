/**
 * Where a `TrajectoryKernel` takes its typed arrays from: new ones (the default), or, on the block path, the
 * same buffers for every block (`rewind` before each kernel). A dropped block's arrays live outside the
 * JavaScript heap, and the collector frees them only when it next runs: at 100,000 runs in blocks of 10,000,
 * 20–50 MB of dead blocks were still mapped at any time (docs/benchmarks.md, Engine, round 5).
 */
export class KernelMemory {
  private readonly buffers: Array<ArrayBuffer> = []
  private next = 0

  constructor(private readonly reuse = false) {}

  /** The next kernel takes the buffers from the first again (the previous kernel must no longer be used). */
  rewind(): void {
    this.next = 0
  }

  float32(length: number): Float32Array {
    return new Float32Array(this.zeroed(length * 4), 0, length)
  }

  float64(length: number): Float64Array {
    return new Float64Array(this.zeroed(length * 8), 0, length)
  }

  uint32(length: number): Uint32Array {
    return new Uint32Array(this.zeroed(length * 4), 0, length)
  }

  int32(length: number): Int32Array {
    return new Int32Array(this.zeroed(length * 4), 0, length)
  }

  uint8(length: number): Uint8Array {
    return new Uint8Array(this.zeroed(length), 0, length)
  }

  int8(length: number): Int8Array {
    return new Int8Array(this.zeroed(length), 0, length)
  }

  /** A buffer of at least `bytes`, its first `bytes` zero. */
  private zeroed(bytes: number): ArrayBuffer {
    if (!this.reuse) return new ArrayBuffer(bytes)
    const at = this.next++
    const held = this.buffers[at]
    if (held !== undefined && held.byteLength >= bytes) {
      new Uint8Array(held, 0, bytes).fill(0)
      return held
    }
    const fresh = new ArrayBuffer(bytes)
    this.buffers[at] = fresh
    return fresh
  }
}
