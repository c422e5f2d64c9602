import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sha256OfFile, useTempDir } from '../../../test/helpers/files';
import { createProject, openProject, type Project } from './project';
import { RestorePoints, restoreProjectFile } from './restorePoints';

const tempDir = useTempDir();

function accounts(project: Project): number {
  return project.db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
}

function addAccount(project: Project, id: string): void {
  project.db.prepare('INSERT INTO accounts (account_id, name) VALUES (?, ?)').run(id, `Account ${id}`);
}

function setup(keep?: number) {
  const dir = tempDir();
  const path = join(dir, 'p.sqlite');
  const project = createProject(path, { name: 'P', currency: 'USD' });
  const points = new RestorePoints(join(dir, 'user-data'), keep === undefined ? {} : { keep });
  return { dir, path, project, points };
}

describe('RestorePoints', () => {
  it('lists points newest first, each a whole project file in the user-data folder', async () => {
    const { path, project, points } = setup();
    addAccount(project, 'A1');
    const first = await points.make(project, 'auto', new Date('2026-01-01T10:00:00.000Z'));
    addAccount(project, 'A2');
    const second = await points.make(project, 'import', new Date('2026-01-01T11:00:00.000Z'));
    const list = points.list(path);
    expect(list.map((point) => point.id)).toEqual([second.id, first.id]);
    expect(list[0]).toMatchObject({ createdAt: '2026-01-01T11:00:00.000Z', reason: 'import' });
    expect(list[0]?.bytes).toBeGreaterThan(0);
    expect(list.map((point) => point.counts?.accounts)).toEqual([2, 1]);
    const copy = openProject(points.fileOf(path, first.id));
    expect(accounts(copy)).toBe(1);
    copy.close();
    // No temporary file is left in the folder.
    expect(readdirSync(points.folderOf(path)).every((file) => file.endsWith('.sqlite'))).toBe(true);
    project.close();
  });

  it('keeps only the newest N points', async () => {
    const { path, project, points } = setup(3);
    for (let hour = 0; hour < 5; hour++) await points.make(project, 'auto', new Date(Date.UTC(2026, 0, 1, hour)));
    expect(points.list(path).map((point) => point.createdAt)).toEqual([
      '2026-01-01T04:00:00.000Z',
      '2026-01-01T03:00:00.000Z',
      '2026-01-01T02:00:00.000Z',
    ]);
    project.close();
  });

  it('never prunes the point it just made, even with the clock set back', async () => {
    const { path, project, points } = setup(2);
    await points.make(project, 'auto', new Date('2026-03-01T10:00:00.000Z'));
    await points.make(project, 'auto', new Date('2026-03-01T11:00:00.000Z'));
    const made = await points.make(project, 'import', new Date('2025-01-01T09:00:00.000Z'));
    const ids = points.list(path).map((point) => point.id);
    expect(ids).toHaveLength(2);
    expect(ids).toContain(made.id);
    project.close();
  });

  it('removes the half-made points and restore copies of killed processes, and only those', async () => {
    const { dir, path, project, points } = setup();
    const gone = spawnSync(process.execPath, ['-e', '']).pid as number; // a process that has exited
    const folder = points.folderOf(path);
    mkdirSync(folder, { recursive: true });
    const abandoned = [
      join(folder, `.2026-01-01T10-00-00.000Z_auto.partial-${gone}`),
      join(folder, `.2026-01-01T10-00-00.000Z_auto.partial-${gone}-journal`),
      join(dir, `.p.sqlite.restore-${gone}`),
    ];
    // Written by a live process (this one's parent), or not a partial file at all: they stay.
    const kept = [
      join(folder, `.2026-01-01T11-00-00.000Z_auto.partial-${process.ppid}`),
      join(dir, `.p.sqlite.restore-${process.ppid}`),
      join(dir, `.other.sqlite.restore-${gone}`),
      join(folder, 'notes.txt'),
    ];
    for (const file of [...abandoned, ...kept]) writeFileSync(file, 'half a project');
    const point = await points.make(project, 'auto');
    project.close();
    await restoreProjectFile(points, path, point.id);
    expect(abandoned.filter((file) => existsSync(file))).toEqual([]);
    expect(kept.filter((file) => existsSync(file))).toEqual(kept);
  });

  it('refuses an unknown or malformed id', () => {
    const { path, project, points } = setup();
    expect(() => points.fileOf(path, '2026-01-01T10-00-00.000Z_auto')).toThrow(/No restore point/);
    expect(() => points.fileOf(path, '../p')).toThrow(/No restore point/);
    project.close();
  });

  it('restores a point over the closed project, after making a point of the state it replaces', async () => {
    const { path, project, points } = setup(2);
    addAccount(project, 'A1');
    const before = await points.make(project, 'import', new Date('2026-01-01T10:00:00.000Z'));
    addAccount(project, 'A2');
    addAccount(project, 'A3');
    await points.make(project, 'auto', new Date('2026-01-01T11:00:00.000Z'));
    project.close();
    // With two points kept, the point made of the current state prunes the restored one: restoring still works.
    await restoreProjectFile(points, path, before.id);
    expect(existsSync(`${path}-wal`)).toBe(false);
    const restored = openProject(path);
    expect(accounts(restored)).toBe(1);
    restored.close();
    const [undo] = points.list(path);
    expect(undo?.reason).toBe('restore');
    await restoreProjectFile(points, path, undo?.id ?? '');
    const undone = openProject(path);
    expect(accounts(undone)).toBe(3);
    undone.close();
  });

  it('checks the point with the check it is given, and refuses one it reports damaged', async () => {
    const { path, project, points } = setup();
    const point = await points.make(project, 'auto');
    addAccount(project, 'A1');
    project.close();
    const hash = sha256OfFile(path);
    const checked: string[] = [];
    const check = async (file: string) => {
      checked.push(file);
      return { path: file, ok: false, schemaVersion: 2, problems: ['page 7 is damaged'] };
    };
    await expect(restoreProjectFile(points, path, point.id, {}, check)).rejects.toThrow(
      `Restore point ${point.id} is damaged: page 7 is damaged.`,
    );
    expect(checked).toEqual([points.fileOf(path, point.id)]);
    expect(sha256OfFile(path)).toBe(hash);
  });

  it('leaves the project untouched when another connection holds it', async () => {
    const { path, project, points } = setup();
    const point = await points.make(project, 'auto');
    addAccount(project, 'A1');
    project.close();
    const other = new Database(path);
    other.pragma('journal_mode = WAL');
    other.prepare('SELECT count(*) FROM accounts').get();
    try {
      const hash = sha256OfFile(path);
      await expect(restoreProjectFile(points, path, point.id)).rejects.toThrow(/open in another program/);
      expect(sha256OfFile(path)).toBe(hash);
      expect(readdirSync(join(path, '..')).filter((file) => file.includes('.restore-'))).toEqual([]);
    } finally {
      other.close();
    }
  });
});
