import { closeSync, openSync, readSync } from 'node:fs';
import { TributaryError } from '../../shared/errors';
import { PROJECT_FILE, statInputFile } from './filePaths';

/** 'Trib' in ASCII: the PRAGMA application_id every Tributary project carries. */
export const TRIBUTARY_APPLICATION_ID = 0x54726962;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_SIZE = 100;
// Offsets in the SQLite database header (https://www.sqlite.org/fileformat.html#the_database_header).
const USER_VERSION_OFFSET = 60;
const APPLICATION_ID_OFFSET = 68;

export interface ProjectHeader {
  applicationId: number;
  userVersion: number;
}

/** Reads the SQLite header of `path` without opening it as a database, so a foreign file is never touched. */
export function readProjectHeader(path: string): ProjectHeader {
  const { size } = statInputFile(path, PROJECT_FILE);
  if (size < HEADER_SIZE) {
    throw new TributaryError(
      'not_tributary',
      `${path} is not a Tributary project: it is ${size === 0 ? 'empty' : `only ${size} bytes`}, too short to be a SQLite database.`,
    );
  }
  const header = Buffer.alloc(HEADER_SIZE);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, HEADER_SIZE, 0);
  } finally {
    closeSync(fd);
  }
  if (!header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw new TributaryError('not_tributary', `${path} is not a Tributary project: it is not a SQLite database.`);
  }
  return {
    userVersion: header.readUInt32BE(USER_VERSION_OFFSET),
    applicationId: header.readUInt32BE(APPLICATION_ID_OFFSET),
  };
}

/** Refuses files that are SQLite but not Tributary's, or that a newer Tributary wrote. */
export function assertOpenableHeader(path: string, header: ProjectHeader, schemaVersion: number): void {
  if (header.applicationId !== TRIBUTARY_APPLICATION_ID) {
    throw new TributaryError(
      'not_tributary',
      `${path} is a SQLite database but not a Tributary project (application_id ${header.applicationId}, expected ${TRIBUTARY_APPLICATION_ID}).`,
    );
  }
  assertKnownVersion(path, header.userVersion, schemaVersion);
}

export function assertKnownVersion(path: string, userVersion: number, schemaVersion: number): void {
  if (userVersion > schemaVersion) {
    throw new TributaryError(
      'newer_version',
      `${path} was written by a newer Tributary (project schema ${userVersion}; this version reads up to ${schemaVersion}). Update Tributary to open it.`,
    );
  }
}
