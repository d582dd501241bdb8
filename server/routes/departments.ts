// Departments. Everyone lists them — inactive ones too (with active:false), because owners,
// authorship and activity of past reports must still show their names; `?active=true` lists the
// ones that can be chosen today. The secretary creates, renames and (de)activates them, and may
// delete one only while nothing refers to it (no account, no section of any report, no owner
// change in any report's history).
import { Hono } from 'hono';
import { flattenOutline } from '../../shared/derive';
import { newId } from '../../shared/ids';
import type { Department } from '../../shared/types';
import { requireAuth, requireRole } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { badRequest, conflict, notFound } from '../http/errors';
import { type Body, optionalString, readJsonObject, requiredString } from '../http/validate';
import type { ReportService } from '../reports/service';
import type { MetaStore } from '../store/meta-store';
import type { ReportStore } from '../store/report-store';

const COLOR = /^#[0-9a-fA-F]{6}$/;
/** Distinct, readable caret/badge colours handed out to new departments in turn. */
const PALETTE = [
  '#2563eb',
  '#db2777',
  '#ea580c',
  '#16a34a',
  '#7c3aed',
  '#0891b2',
  '#ca8a04',
  '#dc2626',
  '#4f46e5',
  '#059669',
  '#9333ea',
  '#0d9488',
];

/** Names compare without case, spacing or Unicode-form differences ("Thanh tra  sở" = "Thanh tra Sở"). */
const nameKey = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

const publicDepartment = (department: Department): Department => ({
  ...department,
  active: department.active !== false,
});

function cleanName(body: Body, key: string, max: number, required: boolean): string | undefined {
  const raw = required ? requiredString(body, key, { max }) : optionalString(body, key, { max });
  if (raw === undefined) return undefined;
  const value = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!value) throw badRequest(`"${key}" is empty`);
  return value;
}

function colorField(body: Body): string | undefined {
  const color = optionalString(body, 'color', { max: 7 });
  if (color !== undefined && !COLOR.test(color)) throw badRequest('"color" must look like #1a2b3c');
  return color?.toLowerCase();
}

export function departmentRoutes(meta: MetaStore, reports: ReportService, store: ReportStore) {
  const known = (id: string) => {
    const department = meta.data.departments.find((candidate) => candidate.id === id);
    if (!department) throw notFound('unknown department');
    return department;
  };
  const nameTaken = (name: string, exceptId?: string) =>
    meta.data.departments.some(
      (department) => department.id !== exceptId && nameKey(department.name) === nameKey(name),
    );

  /** Why a department cannot be deleted, or null when nothing refers to it. */
  const reference = async (id: string): Promise<string | null> => {
    const user = meta.data.users.find((candidate) => candidate.departmentId === id);
    if (user) return `account "${user.username}" belongs to it`;
    for (const report of meta.data.reports) {
      const owned = flattenOutline(await reports.outline(report.id)).find((node) => node.owner === id);
      if (owned) return `it owns section "${owned.number} ${owned.title}" of "${report.title}"`;
      // A section it owned once, even if reassigned since: the history names it.
      const entries = await store.activity(report.id).read();
      if (entries.some((entry) => entry.owner === id)) return `the history of "${report.title}" names it`;
    }
    return null;
  };

  return new Hono<AppEnv>()
    .use(requireAuth(meta))
    .get('/', (c) => {
      const onlyActive = c.req.query('active') === 'true';
      const listed = meta.data.departments.filter((department) => !onlyActive || department.active !== false);
      return c.json(listed.map(publicDepartment));
    })
    .post('/', requireRole('secretary'), async (c) => {
      const body = await readJsonObject(c);
      const name = cleanName(body, 'name', 200, true) as string;
      const shortName = cleanName(body, 'shortName', 40, false) ?? name;
      const color = colorField(body);
      if (nameTaken(name)) throw badRequest(`a department named "${name}" exists already`);
      const created = await meta.update((data) => {
        if (data.departments.some((department) => nameKey(department.name) === nameKey(name))) return null;
        const used = new Set(data.departments.map((department) => department.color.toLowerCase()));
        const department: Department = {
          id: newId('d'),
          name,
          shortName,
          color: color ?? PALETTE.find((candidate) => !used.has(candidate)) ?? PALETTE[0],
          active: true,
        };
        data.departments.push(department);
        return department;
      });
      if (!created) throw badRequest(`a department named "${name}" exists already`);
      return c.json(publicDepartment(created), 201);
    })
    .patch('/:id', requireRole('secretary'), async (c) => {
      const department = known(c.req.param('id'));
      const body = await readJsonObject(c);
      if ('id' in body) throw badRequest('"id" cannot be changed');
      const name = cleanName(body, 'name', 200, false);
      const shortName = cleanName(body, 'shortName', 40, false);
      const color = colorField(body);
      const active = body.active;
      if (active !== undefined && typeof active !== 'boolean')
        throw badRequest('"active" must be true or false');
      if (name === undefined && shortName === undefined && color === undefined && active === undefined)
        throw badRequest('nothing to change: give name, shortName, color or active');
      if (name !== undefined && nameTaken(name, department.id))
        throw badRequest(`a department named "${name}" exists already`);
      const updated = await meta.update((data) => {
        const stored = data.departments.find((candidate) => candidate.id === department.id);
        if (!stored) return null;
        if (name !== undefined) stored.name = name;
        if (shortName !== undefined) stored.shortName = shortName;
        if (color !== undefined) stored.color = color;
        if (active !== undefined) stored.active = active;
        return stored;
      });
      if (!updated) throw notFound('unknown department');
      return c.json(publicDepartment(updated));
    })
    .delete('/:id', requireRole('secretary'), async (c) => {
      const department = known(c.req.param('id'));
      const why = await reference(department.id);
      if (why) throw conflict(`the department is in use (${why}): deactivate it instead`);
      await meta.update((data) => {
        data.departments = data.departments.filter((candidate) => candidate.id !== department.id);
      });
      return c.json({ ok: true, id: department.id });
    });
}
