import { FFT_ANSWERS, FFT_POSITIVE_MAX, FFT_SCALE, fftPercentPositive } from './fft';

describe('NHS FFT', () => {
  it('codes 1-6 are the answers in NHS order, very good and good the positive ones', () => {
    expect(FFT_ANSWERS).toEqual(['very_good', 'good', 'neither', 'poor', 'very_poor', 'dont_know']);
    expect(FFT_SCALE).toEqual({ min: 1, max: FFT_ANSWERS.length });
    expect(FFT_ANSWERS.slice(0, FFT_POSITIVE_MAX)).toEqual(['very_good', 'good']);
  });

  it('% positive counts don\'t know in the denominator, to one decimal; none without answers', () => {
    // 3 positive of 7 answers (one of them don't know): 42.857… → 42.9.
    expect(fftPercentPositive(3, 7)).toBe(42.9);
    expect(fftPercentPositive(5121, 6006)).toBe(85.3);
    expect(fftPercentPositive(0, 0)).toBeNull();
  });
});
