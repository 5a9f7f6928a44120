import { engines } from '../../package.json';

/**
 * The Node.js lines the product is tested on, as package.json `engines` states them
 * (`^22.12.0 || ^24.0.0`: 22.12.0 and every later 22.x, or any 24.x).
 */
export const SUPPORTED_NODE = engines.node;

const CARET_RANGE = /^\^(\d+)\.(\d+)\.(\d+)$/;

type Version = [number, number, number];

function parseVersion(version: string): Version {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map((part) => Number.parseInt(part, 10));
  return [major, minor, patch];
}

const compare = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** The lowest version the ranges allow; only `^x.y.z` alternatives joined by `||` are understood. */
function lowestSupported(supported: string): Version {
  const bounds = supported.split('||').map((range) => {
    const match = CARET_RANGE.exec(range.trim());
    if (match === null)
      throw new Error(`engines.node: only ^x.y.z ranges joined by || are understood, not "${range}"`);
    return parseVersion(match.slice(1).join('.'));
  });
  return bounds.reduce((lowest, bound) => (compare(bound, lowest) < 0 ? bound : lowest));
}

/**
 * Why this Node version (e.g. `process.versions.node`) cannot run the product, or undefined if it
 * can. An older Node does not fail clearly on its own: on Node 20, better-sqlite3 13 kills the
 * process with a segmentation fault when the first database opens. A newer line than those listed
 * is let through (npm warns about `engines` at install); it is untested, not known to fail.
 */
export function unsupportedNodeProblem(
  version: string,
  supported: string = SUPPORTED_NODE,
): string | undefined {
  if (compare(parseVersion(version), lowestSupported(supported)) >= 0) return undefined;
  return (
    `Node.js ${version} is too old for the ALP workup bot, which runs on ${supported}. ` +
    "npm scripts (npm start, npm run serve, npx node) use the project's own Node 24; " +
    'otherwise install Node 24 LTS.'
  );
}
