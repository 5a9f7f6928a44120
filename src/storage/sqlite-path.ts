import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** Kernel and device file systems: `mkdir -p` under /proc spins forever on Node, and no database belongs there. */
const SYSTEM_TREES = ['/proc', '/sys', '/dev'];

/** A SQLite path that cannot hold the database; the message names the path and what is wrong with it. */
export class SqlitePathError extends Error {
  override readonly name = 'SqlitePathError';
}

const within = (dir: string, tree: string): boolean => dir === tree || dir.startsWith(`${tree}/`);

/** The deepest part of `dir` that exists, resolved through symbolic links. */
function existingAncestor(dir: string): string {
  let current = dir;
  for (;;) {
    try {
      return realpathSync(current);
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return current;
      current = parent;
    }
  }
}

/**
 * Checks, before anything is created, that `filePath` can hold the database: not under a kernel
 * file system, its folder (or the nearest existing folder above it, where start-up will create
 * the rest) a writable directory, and the file itself, if present, a regular file.
 */
export function checkSqlitePath(filePath: string): void {
  const absolute = path.resolve(filePath);
  const dir = path.dirname(absolute);
  const existing = existingAncestor(dir);
  const tree = SYSTEM_TREES.find((system) => within(dir, system) || within(existing, system));
  if (tree !== undefined) {
    throw new SqlitePathError(`SQLITE_PATH ${filePath} is under ${tree}, which cannot hold a database.`);
  }
  if (!statSync(existing).isDirectory()) {
    throw new SqlitePathError(`SQLITE_PATH ${filePath}: ${existing} is not a directory.`);
  }
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch {
    throw new SqlitePathError(`SQLITE_PATH ${filePath}: the directory ${existing} is not writable.`);
  }
  const file = statSync(absolute, { throwIfNoEntry: false });
  if (file !== undefined && !file.isFile()) {
    throw new SqlitePathError(`SQLITE_PATH ${filePath} is not a regular file.`);
  }
}
