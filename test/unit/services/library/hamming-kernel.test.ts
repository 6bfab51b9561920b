import { describe, expect, it } from 'vitest';
import { HammingKernel } from '../../../../electron/services/library/reads/hamming-kernel';
import { seededRandom } from '../../../../native-models/fixtures/random';

function naive(a: Uint8Array, b: Uint8Array): number {
  let bits = 0;
  for (let i = 0; i < a.length; i++) for (let x = a[i]! ^ b[i]!; x; x >>= 1) bits += x & 1;
  return bits;
}

describe('HammingKernel', () => {
  // Whole 64-bit words (48 bytes: 384-d), and widths the kernel pads (1, 13: 100-d).
  it.each([1, 8, 13, 48, 96, 512])('counts the differing bits of %i-byte codes as a bit-by-bit count does', (width) => {
    const random = seededRandom(width);
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
    const count = 3000;
    const codes = bytes(width * count);
    // Memory beyond the module's first 64 KiB page; codes stored in two parts.
    const kernel = new HammingKernel(width, count + 2);
    kernel.setCodes(0, codes.subarray(0, width * 1000));
    kernel.setCodes(1000, codes.subarray(width * 1000));
    for (const query of [bytes(width), bytes(width)]) {
      // The extremes at the end: the same code, and every bit different.
      kernel.setCodes(count, Uint8Array.from([...query, ...query.map((byte) => ~byte & 0xff)]));
      const expected = Array.from({ length: count }, (_, i) =>
        naive(codes.subarray(i * width, (i + 1) * width), query),
      );
      expect([...kernel.distances(query)]).toEqual([...expected, 0, width * 8]);
    }
  });

  it('refuses codes or queries of another width than its own, and codes past its room', () => {
    const kernel = new HammingKernel(16, 4);
    expect(() => kernel.distances(new Uint8Array(15))).toThrow(RangeError);
    expect(() => kernel.setCodes(0, new Uint8Array(17))).toThrow(RangeError);
    expect(() => kernel.setCodes(3, new Uint8Array(32))).toThrow(RangeError);
    expect(() => new HammingKernel(0, 1)).toThrow(RangeError);
  });
});
