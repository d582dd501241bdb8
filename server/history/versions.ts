// What a version of a report is (named and automatic versions: full Yjs states), independent of
// where it is stored: its metadata, the shape of its id, and the check of a stored entry. The
// versions are stored by the report store (server/store/report-store.ts).
import { newId } from '../../shared/ids';

/** Why the server took a version by itself (before a restore: the state it replaced); absent for versions a person named. */
export type VersionAuto = 'hourly' | 'lock' | 'restore';

export interface VersionInfo {
  id: string;
  name: string;
  userId: string;
  /** ISO time. */
  createdAt: string;
  auto?: VersionAuto;
  /** Bytes of the stored V2 state. */
  size: number;
}

export interface CreateVersionOptions {
  name: string;
  userId: string;
  auto?: VersionAuto;
}

/** Version ids may name files, so only this exact shape is ever accepted (no dots, slashes or case games). */
const VERSION_ID = /^v-[0-9a-z]{12}$/;

export function isValidVersionId(id: unknown): id is string {
  return typeof id === 'string' && VERSION_ID.test(id);
}

export function newVersionId(): string {
  return newId('v');
}

/** The metadata of a new version holding a V2 state of `size` bytes, taken now. */
export function newVersionInfo(options: CreateVersionOptions, size: number): VersionInfo {
  return {
    id: newVersionId(),
    name: options.name,
    userId: options.userId,
    createdAt: new Date().toISOString(),
    ...(options.auto ? { auto: options.auto } : {}),
    size,
  };
}

/** Why a stored entry is not a VersionInfo, or null when it is one. */
export function versionInfoProblem(entry: unknown): string | null {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return 'not a JSON object';
  const v = entry as Record<string, unknown>;
  if (!isValidVersionId(v.id)) return `bad version id ${JSON.stringify(v.id)}`;
  for (const key of ['name', 'userId', 'createdAt'] as const) {
    if (typeof v[key] !== 'string') return `"${key}" is not a string`;
  }
  if (typeof v.size !== 'number') return '"size" is not a number';
  return null;
}
