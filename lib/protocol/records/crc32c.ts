/**
 * CRC-32C (Castagnoli), as used by Kafka record batches v2.
 * Slicing-by-8: eight 256-entry tables let the main loop consume 8 bytes
 * per iteration with table lookups only.
 */

const POLY = 0x82f63b78; // reflected Castagnoli polynomial

const TABLE = (() => {
  const t = new Uint32Array(8 * 256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
    t[i] = c >>> 0;
  }
  for (let i = 0; i < 256; i++) {
    for (let s = 1; s < 8; s++) {
      const prev = t[(s - 1) * 256 + i];
      t[s * 256 + i] = (prev >>> 8) ^ t[prev & 0xff];
    }
  }
  return t;
})();

/**
 * CRC-32C of `data[start, end)` as an unsigned 32-bit number. Pass a previous
 * result as `seed` to continue a checksum over several chunks.
 */
export function crc32c(data: Uint8Array, start = 0, end = data.length, seed = 0): number {
  const t = TABLE;
  let crc = ~seed;
  let i = start;
  const fast = end - ((end - start) & 7);
  while (i < fast) {
    crc ^= data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    const hi = data[i + 4] | (data[i + 5] << 8) | (data[i + 6] << 16) | (data[i + 7] << 24);
    crc =
      t[1792 + (crc & 0xff)] ^
      t[1536 + ((crc >>> 8) & 0xff)] ^
      t[1280 + ((crc >>> 16) & 0xff)] ^
      t[1024 + (crc >>> 24)] ^
      t[768 + (hi & 0xff)] ^
      t[512 + ((hi >>> 8) & 0xff)] ^
      t[256 + ((hi >>> 16) & 0xff)] ^
      t[hi >>> 24];
    i += 8;
  }
  while (i < end) crc = t[(crc ^ data[i++]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}
