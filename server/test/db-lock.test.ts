import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { DatabaseStartError, lockDataDir, processStartTime } from '../src/db/sql.ts';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-lock-'));
}

/** An unrelated long-running program: its PID is alive, but it is not Mutualis. */
function unrelated(): number {
  const child = spawn('sleep', ['300'], { stdio: 'ignore' });
  children.push(child);
  return child.pid!;
}

describe('PGlite lock file', () => {
  it('a lock whose PID now belongs to an unrelated program is taken over, and the database opens', async () => {
    const dir = tempDir();
    const pid = unrelated();
    // a lock with a proof that does not match the live process (its start time differs)
    fs.writeFileSync(path.join(dir, '.mutualis.lock'), JSON.stringify({ marker: 'mutualis', pid, startTime: '1', bootId: null, command: 'x' }));
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (line: string) => void warnings.push(line);
    try {
      const db = await openDatabase({ kind: 'pglite', dataDir: dir });
      const lock = JSON.parse(fs.readFileSync(path.join(dir, '.mutualis.lock'), 'utf8'));
      expect(lock).toMatchObject({ marker: 'mutualis', pid: process.pid, startTime: processStartTime(process.pid) });
      await db.close();
      expect(fs.existsSync(path.join(dir, '.mutualis.lock'))).toBe(false);
    } finally {
      console.warn = original;
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(warnings.join('\n')).toMatch(new RegExp(`repris : il désignait le pid ${pid}, mais ce PID appartient maintenant à un autre programme`));
  });

  it('an old lock holding a bare PID: taken over from an unrelated program or a dead process', () => {
    const dir = tempDir();
    const file = path.join(dir, '.mutualis.lock');
    const messages: string[] = [];
    fs.writeFileSync(file, String(unrelated()));
    lockDataDir(dir, (m) => messages.push(m)).release();
    const dead = spawn('true');
    fs.writeFileSync(file, String(dead.pid));
    return new Promise<void>((resolve) => dead.on('exit', () => resolve())).then(() => {
      lockDataDir(dir, (m) => messages.push(m)).release();
      expect(messages).toHaveLength(2);
      expect(messages[0]).toMatch(/autre programme/);
      expect(messages[1]).toMatch(/ce processus est arrêté/);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });

  it('a live Mutualis process keeps its lock: a second one refuses to start', async () => {
    const dir = tempDir();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '-e', `const m = await import('./src/db/sql.ts'); m.lockDataDir(process.argv[1]); console.log('verrouillé'); setInterval(() => {}, 1000);`, dir],
      { cwd: path.join(repoRoot, 'server'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('verrouillé') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited ${code}`)));
    });
    try {
      expect(() => lockDataDir(dir)).toThrow(DatabaseStartError);
      expect(() => lockDataDir(dir)).toThrow(`La base embarquée ${dir} est déjà ouverte par un autre processus (pid ${child.pid}) : arrêtez-le, ou choisissez un autre DATA_DIR.`);
      await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toThrow(/déjà ouverte par un autre processus/);
      // its lock is left alone
      expect(JSON.parse(fs.readFileSync(path.join(dir, '.mutualis.lock'), 'utf8')).pid).toBe(child.pid);
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
