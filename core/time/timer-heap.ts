/**
 * The VirtualClock's pending timers as a binary min-heap on (`at`, `seq`): the earliest timer, and
 * of timers at the same instant the first scheduled, in O(log n). A demo day holds thousands of
 * pending timers and fires tens of thousands, which a scan of every timer per firing made quadratic.
 * Cancelled timers stay in the heap, flagged, and are dropped when they reach the top.
 */
export interface HeapTimer {
  at: number;
  seq: number;
  fn: () => void;
  /** Fired or cancelled: no longer pending. */
  done: boolean;
}

export class TimerHeap {
  private readonly items: HeapTimer[] = [];
  private live = 0;

  /** Timers neither fired nor cancelled. */
  get size(): number {
    return this.live;
  }

  push(timer: HeapTimer): void {
    this.items.push(timer);
    this.live++;
    this.up(this.items.length - 1);
  }

  /** Marks a pending timer cancelled; a fired or already cancelled one is left alone. */
  cancel(timer: HeapTimer): void {
    if (timer.done) return;
    timer.done = true;
    this.live--;
  }

  /** The earliest pending timer, without taking it. */
  peek(): HeapTimer | undefined {
    while (this.items.length > 0 && this.items[0]!.done) this.removeTop();
    return this.items[0];
  }

  /** Takes the earliest pending timer, marking it done. */
  pop(): HeapTimer | undefined {
    const top = this.peek();
    if (top === undefined) return undefined;
    this.removeTop();
    top.done = true;
    this.live--;
    return top;
  }

  private removeTop(): void {
    const last = this.items.pop()!;
    if (this.items.length === 0) return;
    this.items[0] = last;
    this.down(0);
  }

  private up(i: number): void {
    const { items } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i]!, items[parent]!)) return;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const { items } = this;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < items.length && before(items[left]!, items[least]!)) least = left;
      if (right < items.length && before(items[right]!, items[least]!)) least = right;
      if (least === i) return;
      [items[i], items[least]] = [items[least]!, items[i]!];
      i = least;
    }
  }
}

const before = (a: HeapTimer, b: HeapTimer): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);
