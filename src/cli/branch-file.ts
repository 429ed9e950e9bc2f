import { writeFile } from 'node:fs/promises';
import type { Db } from '../db/schema.js';

interface Io {
  err(line: string): void;
}

/** The branch a file command is for: the one named, or the only one; null (and said why) otherwise. */
export async function branchForCommand(db: Db, name: string | undefined, io: Io): Promise<{ id: number; name: string } | null> {
  const branches = await db.selectFrom('branches').select(['id', 'name']).orderBy('id').execute();
  const branch = name !== undefined ? branches.find((b) => b.name === name) : branches.length === 1 ? branches[0] : undefined;
  if (!branch) io.err(name !== undefined ? `No branch is named "${name}".` : `There are ${branches.length} branches; name one with --branch NAME.`);
  return branch ?? null;
}

/** Writes a file a command produced; false (and said so) when it cannot. */
export async function writeCommandFile(file: string, content: Buffer, io: Io): Promise<boolean> {
  try {
    await writeFile(file, content);
    return true;
  } catch {
    io.err(`Cannot write ${file}.`);
    return false;
  }
}
