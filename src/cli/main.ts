#!/usr/bin/env node
import { unsupportedNodeProblem } from '../runtime/supported-node';
import { runAssessCommand } from './assess-command';
import { runAuditCommand } from './audit-command';
import { runChatCommand } from './chat-command';
import type { CliIo } from './cli-io';
import { runSchemaCommand } from './schema-command';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

/** Subcommands of the `alp-workup` bin; each lives in its own `<name>-command.ts`. */
const COMMANDS: Record<string, Command> = {
  assess: runAssessCommand,
  schema: runSchemaCommand,
  audit: runAuditCommand,
  chat: runChatCommand,
};

const usage = (): string =>
  `Usage: alp-workup <command> [options]\n\nCommands: ${Object.keys(COMMANDS).join(', ')}\nRun "alp-workup <command> --help" for a command's options.\n`;

/** Runs one invocation and returns its exit code; the streams are injected so tests call it directly. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.stderr.write(`alp-workup: unknown command ${name}\n${usage()}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    // Expected bad input is handled inside each command; this is the last guard against a stack trace.
    io.stderr.write(`alp-workup ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (require.main === module) {
  const runtimeProblem = unsupportedNodeProblem(process.versions.node);
  if (runtimeProblem !== undefined) {
    process.stderr.write(`alp-workup: ${runtimeProblem}\n`);
    process.exitCode = 1;
  } else {
    void main(process.argv.slice(2), {
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
    }).then((code) => {
      process.exitCode = code;
    });
  }
}
