import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * A folder at the project root (`public/`, `appPackage/`), known by a file it holds, searched for
 * upwards from `from`: the code runs from `src/` in development and from `dist/src/` when built.
 */
export function findProjectFolder(from: string, folder: string, marker: string): string {
  let dir = from;
  for (let depth = 0; depth < 5; depth += 1) {
    const candidate = path.join(dir, folder);
    if (existsSync(path.join(candidate, marker))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`${folder}/${marker} not found above ${from}`);
}
