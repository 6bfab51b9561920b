/**
 * Binary quantisation of embedding vectors: one bit per dimension, set where the value is
 * positive. Hamming distance between two such codes tracks the angle between the vectors, so a
 * search can scan the codes (a 384-d vector is 48 bytes instead of 1,536) and rescore only the
 * closest few hundred with the floats. The shipped sqlite-vec binary has no SIMD, which makes the
 * float scan the slow part of a vector search; XOR and popcount over bytes stay cheap.
 *
 * Done here rather than with sqlite-vec's `vec_quantize_binary`, which needs a width divisible by
 * 8: the code is padded with zero bits to a whole byte, the same for every vector of a model, so
 * padding never changes a distance.
 */

/** The width of an embedder's bit column: its dimensions rounded up to a whole byte. */
export const bitWidth = (dimensions: number): number => Math.ceil(dimensions / 8) * 8;

/** Bit `i` (least significant first within each byte) is set when `vector[i] > 0`. */
export function quantizeBits(vector: Float32Array): Uint8Array {
  const bits = new Uint8Array(bitWidth(vector.length) / 8);
  for (let i = 0; i < vector.length; i++) {
    if (vector[i]! > 0) bits[i >> 3]! |= 1 << (i & 7);
  }
  return bits;
}
