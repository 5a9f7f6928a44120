import { SqliteStorage } from '../../../src/storage/sqlite-workup-storage';

/**
 * Child process for the crash test: writes one workup item over and over, each write conditional
 * on the previous eTag, and prints the revision only after `write` has resolved (committed).
 */
async function writeForever(filePath: string): Promise<never> {
  const storage = new SqliteStorage({ filePath });
  const item: { revision: number; eTag?: string } = { revision: 0 };
  for (;;) {
    item.revision += 1;
    await storage.write({ 'workup/webchat/user/conversation': item });
    process.stdout.write(`${item.revision}\n`);
  }
}

const [filePath] = process.argv.slice(2);
if (!filePath) {
  process.stderr.write('usage: sqlite-writer-child FILE\n');
  process.exit(2);
}
void writeForever(filePath);
