import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
}

export interface HotSpot {
  where: string;
  selfPercent: number;
}

/**
 * Self time per function from a V8 `.cpuprofile`, grouped by package (or by our own file), so
 * the report says whether the time goes to the framework, to JSON, or to our own code.
 */
export function summariseCpuProfile(path: string, top = 15): { byFunction: HotSpot[]; byArea: HotSpot[] } {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const hits = new Map<number, number>();
  for (const sample of profile.samples) hits.set(sample, (hits.get(sample) ?? 0) + 1);
  const total = profile.samples.length || 1;
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  for (const node of profile.nodes) {
    const count = hits.get(node.id) ?? 0;
    if (count === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^file:\/\//, '');
    const name = `${functionName || '(anonymous)'} ${shortFile(file)}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + count);
    const area = areaOf(file, functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + count);
  }
  const rank = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, count]) => ({ where, selfPercent: Math.round((count / total) * 1000) / 10 }));
  return { byFunction: rank(byFunction), byArea: rank(byArea) };
}

function shortFile(file: string): string {
  const nodeModules = file.lastIndexOf('node_modules/');
  if (nodeModules >= 0) return file.slice(nodeModules + 'node_modules/'.length);
  const dist = file.lastIndexOf('/dist/');
  return dist >= 0 ? file.slice(dist + '/dist/'.length) : file || '(native)';
}

function areaOf(file: string, functionName: string): string {
  if (!file) return functionName.startsWith('(') ? functionName : '(native)';
  const nodeModules = file.lastIndexOf('node_modules/');
  if (nodeModules >= 0) {
    const rest = file.slice(nodeModules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (file.startsWith('node:')) return 'node core';
  const dist = file.lastIndexOf('/dist/');
  if (dist >= 0)
    return `ours: ${file
      .slice(dist + '/dist/'.length)
      .split('/')
      .slice(0, 2)
      .join('/')}`;
  return file;
}
