// Generated hostile query strings for the URL fuzz test: wrong types, huge and negative numbers,
// NaN and Infinity, empty values, unicode, markup payloads, 10 kB values and repeated keys.
// A small seeded generator keeps every run identical, so a failure names a reproducible query.

const KEYS = [
  'lr',
  'be',
  'model',
  'act',
  'opt',
  'scale',
  'prec',
  'clip',
  'clipv',
  'eps',
  'seed',
  'batch',
  'hidden',
  'steps',
  'loss',
  'n',
  'wd',
  'preset',
  'speed',
  'v',
  'bogus',
  'LR',
  'lr ',
  '',
  '%00',
  'x<y',
];
export const XSS_FLAG = '__fuzzPwned';
const VALUES = [
  'abc',
  '',
  ' ',
  '-1',
  '0',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e-400',
  '99999999999999999999',
  '0x10',
  '1,2,3',
  '-5,0',
  'true',
  'yes',
  'null',
  'undefined',
  '[]',
  '{}',
  '😀',
  'ℕ𝔞ℕ',
  'Ωmega',
  '\u202e',
  `<script>window.${XSS_FLAG}=1</script>`,
  `"><img src=x onerror="window.${XSS_FLAG}=1">`,
  `javascript:window.${XSS_FLAG}=1`,
  'relu',
  'webgpu',
  'float16',
  'adam',
  '0.001',
  '1e12',
  '3',
  '2',
  '1e-8',
];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` query strings (without '?'), the same for the same seed. */
export function fuzzQueries(count: number, seed = 20261124): string[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const pairs: string[] = [];
    const n = 1 + Math.floor(rnd() * 5);
    for (let k = 0; k < n; k++) {
      const key = pick(KEYS);
      let value = pick(VALUES);
      if (rnd() < 0.03) value = 'x'.repeat(10_240); // 10 kB
      const raw = rnd() < 0.1; // sometimes unencoded, as a hand-typed URL would be
      pairs.push(raw ? `${key}=${value}` : `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
      if (rnd() < 0.1) pairs.push(pairs[pairs.length - 1]!); // repeated key
    }
    out.push(pairs.join('&'));
  }
  return out;
}
