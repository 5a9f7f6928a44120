import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `alp-workup` entry in-process with the given stdin. */
export async function runCli(argv: string[], stdin = ''): Promise<CliRun> {
  const input = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString('utf8')));
  input.end(stdin);
  const code = await main(argv, { stdin: input, stdout, stderr, env: {} });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
