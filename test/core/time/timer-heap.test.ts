import { describe, expect, it } from 'vitest';
import { TimerHeap, type HeapTimer } from '../../../core/time/timer-heap.ts';
import { mulberry32 } from '../../../core/random/mulberry32.ts';

const timer = (at: number, seq: number): HeapTimer => ({ at, seq, fn: () => {}, done: false });

describe('TimerHeap', () => {
  it('gives timers back earliest first and, at the same instant, in the order they were scheduled', () => {
    const next = mulberry32(42);
    const heap = new TimerHeap();
    const all = Array.from({ length: 500 }, (_, seq) => timer(Math.floor(next() * 50), seq));
    for (const t of all) heap.push(t);
    const popped: HeapTimer[] = [];
    for (let t = heap.pop(); t; t = heap.pop()) popped.push(t);
    expect(popped.map((t) => [t.at, t.seq])).toEqual([...all].sort((a, b) => a.at - b.at || a.seq - b.seq).map((t) => [t.at, t.seq]));
  });

  it('skips cancelled timers, counts only pending ones, and ignores cancelling a fired one', () => {
    const heap = new TimerHeap();
    const [a, b, c] = [timer(1, 0), timer(2, 1), timer(3, 2)];
    for (const t of [a, b, c]) heap.push(t);
    heap.cancel(a);
    heap.cancel(a);
    expect(heap.size).toBe(2);
    expect(heap.peek()).toBe(b);
    expect(heap.pop()).toBe(b);
    heap.cancel(b);
    expect(heap.size).toBe(1);
    expect(heap.pop()).toBe(c);
    expect(heap.pop()).toBeUndefined();
    expect(heap.size).toBe(0);
  });
});
