// Departments. Everyone lists them — inactive ones too (with active:false), because owners,
// authorship and activity of past reports must still show their names; `?active=true` lists the
// ones that can be chosen today. The secretary creates, renames and (de)activates them, and may
// delete one only while nothing refers to it (no account, no section of any report, no owner
// change in any report's history).
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { flattenOutline } from '../../shared/derive';
import { newId } from '../../shared/ids';
import type { Department } from '../../shared/types';
import { requireAuth, requireRole } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { badRequest, conflict, notFound } from '../http/errors';
import { bodyObject, choice, flag, forbiddenKey, jsonBody, queryParams, text } from '../http/validate';
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

/** A name, NFC-normalised with its spacing collapsed; empty after that is a 400. */
const cleanName = (key: string, max: number) =>
  text(key, { max })
    .transform((raw) => raw.normalize('NFC').trim().replace(/\s+/g, ' '))
    .refine((value) => value.length > 0, `"${key}" is empty`);

const color = text('color', { max: 7 })
  .regex(COLOR, '"color" must look like #1a2b3c')
  .transform((value) => value.toLowerCase());

const NewDepartmentBody = bodyObject({
  name: cleanName('name', 200),
  shortName: cleanName('shortName', 40).optional(),
  color: color.optional(),
});

const DepartmentChangeBody = bodyObject({
  name: cleanName('name', 200).optional(),
  shortName: cleanName('shortName', 40).optional(),
  color: color.optional(),
  active: flag('active').optional(),
  id: forbiddenKey('id', 'cannot be changed'),
});

const DepartmentListQuery = z.object({
  /** `true` lists only the departments that can be chosen today. */
  active: choice('active', ['true', 'false']).optional(),
});

const doc = (summary: string) => describeRoute({ tags: ['departments'], summary });

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
    .get('/', doc('List departments'), queryParams(DepartmentListQuery), (c) => {
      const onlyActive = c.req.valid('query').active === 'true';
      const listed = meta.data.departments.filter((department) => !onlyActive || department.active !== false);
      return c.json(listed.map(publicDepartment));
    })
    .post(
      '/',
      doc('Create a department'),
      requireRole('secretary'),
      jsonBody(NewDepartmentBody),
      async (c) => {
        const body = c.req.valid('json');
        const name = body.name;
        const shortName = body.shortName ?? name;
        const color = body.color;
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
      },
    )
    .patch(
      '/:id',
      doc('Rename, recolour or (de)activate a department'),
      requireRole('secretary'),
      jsonBody(DepartmentChangeBody),
      async (c) => {
        const department = known(c.req.param('id'));
        const { name, shortName, color, active } = c.req.valid('json');
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
      },
    )
    .delete('/:id', doc('Delete a department nothing refers to'), requireRole('secretary'), async (c) => {
      const department = known(c.req.param('id'));
      const why = await reference(department.id);
      if (why) throw conflict(`the department is in use (${why}): deactivate it instead`);
      await meta.update((data) => {
        data.departments = data.departments.filter((candidate) => candidate.id !== department.id);
      });
      return c.json({ ok: true, id: department.id });
    });
}
