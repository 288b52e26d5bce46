// CRC-32 of a concatenation from the CRC-32s of its parts, as zlib's crc32_combine does it
// (Mark Adler's method, zlib 1.2.12+ crc32.c: multmodp / x2nmodp), which Node does not expose.
// A cached gzip page is spliced from precompressed pieces and a fresh nonce per response
// (page-template.ts); its gzip trailer needs the CRC of the whole body, which would otherwise be
// recomputed over every byte (80 KB) of every response.

const POLY = 0xedb88320;

/** a * b modulo the CRC polynomial (reflected bit order). */
function multiplyModP(a: number, b: number): number {
  let m = 0x80000000;
  let product = 0;
  for (;;) {
    if (a & m) {
      product ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return product >>> 0;
}

// x^(2^n) modulo P, for n = 0..31.
const X2N = (() => {
  const table: number[] = [];
  let p = 1 << 30; // x^1
  table.push(p);
  for (let n = 1; n < 32; n += 1) table.push((p = multiplyModP(p, p)));
  return table;
})();

/** The operator that appends `length` bytes: x^(8 * length) modulo P. Precompute it per length. */
export function appendOperator(length: number): number {
  let p = 0x80000000; // x^0
  let k = 3; // 2^3 bits per byte
  for (let n = length; n > 0; n = Math.floor(n / 2)) {
    if (n % 2 === 1) p = multiplyModP(X2N[k & 31]!, p);
    k += 1;
  }
  return p >>> 0;
}

/** CRC-32 of A followed by B, from crc32(A), crc32(B) and appendOperator(B's length). */
export function combineCrc32(crcA: number, crcB: number, operatorB: number): number {
  return (multiplyModP(operatorB, crcA) ^ crcB) >>> 0;
}
