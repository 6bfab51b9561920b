/**
 * Compares two release versions as semver orders them (`1.10.0` after `1.9.2`, `1.0.0` after
 * `1.0.0-beta.2`): negative when `a` is older, positive when newer, 0 when the same. A leading `v`
 * is allowed; build metadata (`+…`) is ignored.
 */
export function compareVersions(a: string, b: string): number {
  const [coreA, preA] = split(a);
  const [coreB, preB] = split(b);
  for (let i = 0; i < 3; i++) {
    const difference = (coreA[i] ?? 0) - (coreB[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  // A release comes after its pre-releases.
  if (preA.length === 0 || preB.length === 0) return Math.sign(preB.length - preA.length);
  for (let i = 0; i < Math.max(preA.length, preB.length); i++) {
    const [x, y] = [preA[i], preB[i]];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    const [nx, ny] = [Number(x), Number(y)];
    const numeric = Number.isInteger(nx) && Number.isInteger(ny);
    const difference = numeric ? nx - ny : x < y ? -1 : x > y ? 1 : 0;
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/** `1.2.3-beta.1+x` → `[[1, 2, 3], ['beta', '1']]`; refuses what is not a version. */
function split(version: string): [number[], string[]] {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(version.trim());
  if (!match) throw new TypeError(`Not a release version: ${version}`);
  return [[Number(match[1]), Number(match[2]), Number(match[3])], match[4] ? match[4].split('.') : []];
}
