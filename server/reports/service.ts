// Report operations behind the REST routes: list, detail with the numbered outline, create,
// section owner/status changes. The document is read from the live room when it is open.
import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { buildOutline, flattenOutline, type OutlineNode } from '../../shared/derive';
import { newId } from '../../shared/ids';
import { effectiveStatus, type SectionLink } from '../../shared/permissions';
import { reportStatus } from '../../shared/report-status';
import { flattenSectionSummaries } from '../../shared/section-summaries';
import type { LayoutProfile, ReportMeta, SectionStatus, SectionSummary, User } from '../../shared/types';
import { jsonToYDoc, yDocToJson } from '../../shared/ydoc';
import { serverOrigin } from '../collab/change-origin';
import type { RoomManager } from '../collab/rooms';
import type { Notifier } from '../notifications/notifier';
import type { MetaStore } from '../store/meta-store';
import type { ReportStore } from '../store/report-store';
import { type PreviousText, previousSectionOf } from './previous-text';
import { matchesFilter, type ReportFilter } from './report-filter';
import { findSectionElement, onlySection, setSectionOwner } from './ydoc-sections';

export interface ReportServiceDeps {
  meta: MetaStore;
  store: ReportStore;
  rooms: RoomManager;
  /** Tells the people concerned of submissions, approvals, returns, reopenings and reassignments. */
  notifier?: Notifier;
}

export interface SectionNode extends SectionSummary {
  depth: number;
  children: SectionNode[];
}

export interface Progress {
  total: number;
  draft: number;
  submitted: number;
  approved: number;
  returned: number;
}

export interface NewReport {
  title: string;
  period?: string;
  profile?: LayoutProfile;
  createdBy: string;
  /** Last period's text per section, for reports made from a previous one. */
  previous?: PreviousText;
}

export class ReportService {
  private readonly outlineCache = new Map<string, { stamp: number; outline: OutlineNode[] }>();

  constructor(private readonly deps: ReportServiceDeps) {}

  meta(reportId: string): ReportMeta | undefined {
    return this.deps.meta.data.reports.find((report) => report.id === reportId);
  }

  /** Reports matching `filter` (by default every report that is not archived). */
  async list(filter: ReportFilter = {}) {
    const result = [];
    for (const report of this.deps.meta.data.reports) {
      if (!matchesFilter(report, filter)) continue;
      const { sections: states, ...rest } = report;
      const sections = withStatus(await this.outline(report.id), states);
      const progress = progressOf(sections);
      result.push({
        ...rest,
        archived: report.archived === true,
        status: reportStatus(report),
        progress,
        sectionCount: progress.total,
      });
    }
    return result;
  }

  async detail(reportId: string) {
    const report = this.meta(reportId);
    if (!report) return null;
    const { sections: states, ...rest } = report;
    const sections = withStatus(await this.outline(reportId), states);
    return {
      ...rest,
      archived: report.archived === true,
      status: reportStatus(report),
      sections,
      progress: progressOf(sections),
    };
  }

  /** Every section of a report with its effective workflow status. */
  async sections(reportId: string): Promise<SectionNode[]> {
    return withStatus(await this.outline(reportId), this.meta(reportId)?.sections ?? {});
  }

  async outline(reportId: string): Promise<OutlineNode[]> {
    const stamp = this.deps.rooms.changeStamp(reportId);
    const cached = this.outlineCache.get(reportId);
    if (cached && cached.stamp === stamp) return cached.outline;
    const outline = await this.deps.rooms.withDoc(reportId, (doc) => buildOutline(yDocToJson(doc)));
    this.outlineCache.set(reportId, { stamp, outline });
    return outline;
  }

  documentJson(reportId: string): Promise<JSONContent> {
    return this.deps.rooms.withDoc(reportId, (doc) => yDocToJson(doc));
  }

  /** Read the report's current Y.Doc (the review map included), e.g. for the markup export. */
  readDoc<T>(reportId: string, read: (doc: Y.Doc) => T): Promise<T> {
    return this.deps.rooms.withDoc(reportId, read);
  }

  async createFromJson(json: JSONContent, input: NewReport): Promise<ReportMeta> {
    const id = newId('r');
    const doc = jsonToYDoc(json);
    // Stored before the report is listed, so its reference panel never misses its text; the
    // initial content is attributed to whoever created the report.
    await this.deps.store.create(id, {
      state: Y.encodeStateAsUpdate(doc),
      creator: { clientId: doc.clientID, userId: input.createdBy },
      ...(input.previous ? { previous: input.previous } : {}),
    });
    doc.destroy();
    const now = new Date().toISOString();
    const report: ReportMeta = {
      id,
      title: input.title,
      period: input.period ?? '',
      profile: input.profile ?? 'party',
      locked: false,
      createdAt: now,
      createdBy: input.createdBy,
      updatedAt: now,
      sections: {},
      ...(input.previous ? { previousReportId: input.previous.sourceReportId } : {}),
    };
    await this.deps.meta.update((data) => {
      data.reports.push(report);
    });
    await this.deps.store
      .activity(id)
      .append({ at: now, userId: input.createdBy, kind: 'create', sectionIds: [] });
    return report;
  }

  /** Archive or bring back a report. Archived reports are read-only (the room treats them as locked). */
  async setArchived(reportId: string, archived: boolean): Promise<ReportMeta | undefined> {
    const at = new Date().toISOString();
    return this.deps.meta.update((data) => {
      const report = data.reports.find((candidate) => candidate.id === reportId);
      if (!report || (report.archived === true) === archived) return report;
      report.archived = archived;
      report.updatedAt = at;
      return report;
    });
  }

  /** Last period's text of one section, for reports made from a previous one (else null). */
  async previousSection(reportId: string, sectionId: string) {
    return previousSectionOf(await this.deps.store.readPrevious(reportId), sectionId);
  }

  /** Change a section's owner in the live document: stored in the log and relayed to every client. */
  async setOwner(reportId: string, sectionId: string, owner: string | null, user: User): Promise<boolean> {
    const room = await this.deps.rooms.acquire(reportId);
    const before = findOutlineNode(await this.outline(reportId), sectionId);
    let previousOwner: string | null;
    try {
      const element = findSectionElement(room.doc, sectionId);
      if (!element) return false;
      previousOwner = element.getAttribute('owner') ?? null;
      if (previousOwner !== owner) {
        room.applyServerChange(serverOrigin(user.id), () => setSectionOwner(element, owner));
      }
    } finally {
      this.deps.rooms.release(room);
    }
    await this.deps.store.activity(reportId).append({
      at: new Date().toISOString(),
      userId: user.id,
      kind: 'owner',
      sectionIds: [sectionId],
      previousOwner,
      owner,
    });
    const after = findOutlineNode(await this.outline(reportId), sectionId);
    const fromDepartment = before?.effectiveOwner ?? null;
    const toDepartment = after?.effectiveOwner ?? null;
    if (after && fromDepartment !== toDepartment) {
      await this.deps.notifier?.notify(
        { kind: 'reassign', ...sectionFacts(reportId, after), fromDepartment, toDepartment },
        user,
      );
    }
    return true;
  }

  async setStatus(
    reportId: string,
    sectionId: string,
    change: { status?: SectionStatus; comment?: string },
    user: User,
  ): Promise<void> {
    const at = new Date().toISOString();
    const stored = await this.deps.meta.update((data) => {
      const report = data.reports.find((candidate) => candidate.id === reportId);
      if (!report) return;
      const current = report.sections[sectionId] ?? { status: 'draft' as SectionStatus };
      report.sections[sectionId] = {
        ...current,
        ...(change.status ? { status: change.status } : {}),
        ...(change.comment !== undefined ? { comment: change.comment } : {}),
        updatedAt: at,
        updatedBy: user.id,
      };
      report.updatedAt = at;
      return report.sections[sectionId];
    });
    await this.deps.store.activity(reportId).append({
      at,
      userId: user.id,
      kind: 'status',
      sectionIds: [sectionId],
      status: change.status,
      comment: change.comment,
    });
    const section = change.status && stored ? findOutlineNode(await this.outline(reportId), sectionId) : null;
    if (change.status && section) {
      // A return carries the secretary's comment; a submission the note that went with it.
      const comment = change.status === 'returned' ? stored?.comment : change.comment;
      await this.deps.notifier?.statusChanged(
        change.status,
        {
          ...sectionFacts(reportId, section),
          department: section.effectiveOwner,
          ...(comment ? { comment } : {}),
        },
        user,
      );
    }
  }
}

/** What a notification names of a section. */
function sectionFacts(reportId: string, section: OutlineNode) {
  return { reportId, sectionId: section.id, sectionNumber: section.number, sectionTitle: section.title };
}

/** The outline node of `sectionId` (null when none; 409 when several sections share the id). */
export function findOutlineNode(outline: readonly OutlineNode[], sectionId: string): OutlineNode | null {
  return onlySection(flattenOutline(outline), (node) => node.id, sectionId);
}

/**
 * The outline with each section's workflow state; the status is the effective one (an approved
 * section's sub-sections are approved with it), through the shared rule.
 */
function withStatus(
  outline: readonly OutlineNode[],
  states: ReportMeta['sections'],
  ancestors: readonly SectionLink[] = [],
): SectionNode[] {
  return outline.map((node) => {
    const chain: SectionLink[] = [
      { id: node.id, owner: node.owner, status: states[node.id]?.status ?? 'draft' },
      ...ancestors,
    ];
    const { status, approvedWith } = effectiveStatus(chain);
    return {
      id: node.id,
      number: node.number,
      title: node.title,
      owner: node.owner,
      effectiveOwner: node.effectiveOwner,
      depth: node.depth,
      status,
      ...(approvedWith !== null ? { approvedWith } : {}),
      ...(states[node.id]?.comment ? { comment: states[node.id].comment } : {}),
      children: withStatus(node.children, states, chain),
    };
  });
}

/** One section with its effective status (null when the outline has no such section). */
export function findSectionSummary(sections: readonly SectionNode[], sectionId: string): SectionNode | null {
  return onlySection(flattenSectionSummaries(sections) as SectionNode[], (node) => node.id, sectionId);
}

function progressOf(sections: readonly SectionNode[]): Progress {
  const flat = flattenSectionSummaries(sections);
  const progress: Progress = { total: flat.length, draft: 0, submitted: 0, approved: 0, returned: 0 };
  for (const node of flat) progress[node.status]++;
  return progress;
}
