import { BehaviorSubject } from 'rxjs';
import { pageVisibility, pollWhileVisible } from './visible-polling';

describe('pollWhileVisible', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('ticks every period while visible, pauses while hidden and ticks at once on coming back', () => {
    const visible$ = new BehaviorSubject(true);
    const ticks: number[] = [];
    const start = Date.now();
    const subscription = pollWhileVisible(5_000, visible$).subscribe(() => ticks.push(Date.now() - start));

    jest.advanceTimersByTime(4_999);
    expect(ticks).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(ticks).toEqual([5_000]);
    jest.advanceTimersByTime(5_000);
    expect(ticks).toEqual([5_000, 10_000]);

    visible$.next(false);
    jest.advanceTimersByTime(60_000);
    expect(ticks).toEqual([5_000, 10_000]);

    visible$.next(true);
    jest.advanceTimersByTime(0);
    expect(ticks).toEqual([5_000, 10_000, 70_000]);
    visible$.next(true); // no change: no extra tick, no restart
    jest.advanceTimersByTime(5_000);
    expect(ticks).toEqual([5_000, 10_000, 70_000, 75_000]);

    subscription.unsubscribe();
    jest.advanceTimersByTime(20_000);
    expect(ticks).toHaveLength(4);
  });

  it('starts quiet in a hidden tab until it is shown', () => {
    const visible$ = new BehaviorSubject(false);
    let ticks = 0;
    const subscription = pollWhileVisible(5_000, visible$).subscribe(() => ticks++);
    jest.advanceTimersByTime(30_000);
    expect(ticks).toBe(0);
    visible$.next(true);
    jest.advanceTimersByTime(0);
    expect(ticks).toBe(1);
    subscription.unsubscribe();
  });
});

describe('pageVisibility', () => {
  it("follows the document's visibility state", () => {
    let state: DocumentVisibilityState = 'visible';
    const doc = document.implementation.createHTMLDocument('t');
    Object.defineProperty(doc, 'visibilityState', { get: () => state });
    const seen: boolean[] = [];
    const subscription = pageVisibility(doc).subscribe((v) => seen.push(v));
    state = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    state = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(seen).toEqual([true, false, true]);
    subscription.unsubscribe();
  });
});
