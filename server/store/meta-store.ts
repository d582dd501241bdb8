// Growth seam: the METADATA STORE. Small, organisation-wide data — departments, users (with their
// password hashes), token hashes, and each report's metadata with its sections' status — goes
// through this interface. The embedded implementation is one lowdb JSON file, meta.json
// (server/store/low-meta-store.ts); a PostgreSQL implementation plugs in here. Nothing that
// crosses this seam names a file.
//
// `data` is read synchronously on the hot path (the guard judges every update with it), so an
// implementation keeps it in memory: a database implementation loads it on open and refreshes it
// when another process reports a change. Writes go through `update`, which is async and serialised.
import type { Department, ReportMeta, User } from '../../shared/types';

export interface StoredUser extends User {
  passwordHash: string;
  createdAt: string;
}

export interface StoredToken {
  /** sha256 of the bearer token (hex); the token itself is never stored. */
  hash: string;
  userId: string;
  expiresAt: string;
}

export interface MetaData {
  version: 1;
  departments: Department[];
  users: StoredUser[];
  tokens: StoredToken[];
  reports: ReportMeta[];
}

export interface MetaStore {
  /** The current metadata (a snapshot kept in memory; never mutate it outside `update`). */
  readonly data: Readonly<MetaData>;
  /** Change the data with `mutate` and persist it; writes are serialised, `data` shows them once done. */
  update<T>(mutate: (data: MetaData) => T): Promise<T>;
  /** Whether any metadata was stored when the store was opened (an empty store gets seeded). */
  readonly existed: boolean;
  /** Finish pending writes and release the store. */
  close(): Promise<void>;
}

export const emptyMeta = (): MetaData => ({
  version: 1,
  departments: [],
  users: [],
  tokens: [],
  reports: [],
});
