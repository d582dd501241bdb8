// Recovery after a refused update (close 4403, or 4413/4400): the page starts again from the
// server's document with a fresh Y.Doc (the refused state must not be offered again), and this
// puts back what the user may still change and reports the rest (see recoveryPlan.ts).
import type { Editor, JSONContent } from '@tiptap/core';
import { Fragment, type Node as PMNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { useEffect, useRef } from 'react';
import * as Y from 'yjs';
import { isReadOnlyReport } from '../../../shared/report-status';
import { findSection } from '../../../shared/schema';
import { sectionStatusMap } from '../../../shared/section-summaries';
import type { User } from '../../../shared/types';
import { yDocToJson } from '../../../shared/ydoc';
import { api } from '../../api';
import { recoverMessages, unsentMessages } from '../../review/reviewRecovery';
import { describeAction, planRecovery, type RecoveryAction, type RefusedChange } from './recoveryPlan';

/** A second refusal this soon after putting changes back means the rules disagree: stop retrying. */
const RETRY_WINDOW_MS = 15_000;

/**
 * The server's document with everything of `refusedState` merged in: Yjs applies the user's unsent
 * insertions and deletions on top of the server's state, exactly as the server would have.
 */
export function mergeUnsent(serverDoc: Y.Doc, refusedState: Uint8Array): JSONContent {
  const merged = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(serverDoc));
    Y.applyUpdate(merged, refusedState);
    return yDocToJson(merged);
  } finally {
    merged.destroy();
  }
}

/** Position right after the own content of the section at `pos` (before its first sub-section). */
function ownContentEnd(section: PMNode, pos: number): number {
  let end = pos + section.nodeSize - 1;
  let offset = 0;
  for (let i = 0; i < section.childCount; i++) {
    const child = section.child(i);
    if (child.type.name === 'section') {
      end = pos + 1 + offset;
      break;
    }
    offset += child.nodeSize;
  }
  return end;
}

/** Where a new section goes: after `afterId`, else before the first section of its parent. */
function insertPosition(doc: PMNode, parentId: string | null, afterId: string | null): number | null {
  if (afterId) {
    const previous = findSection(doc, afterId);
    return previous ? previous.pos + previous.node.nodeSize : null;
  }
  if (parentId === null) {
    let at: number | null = null;
    doc.forEach((child, offset) => {
      if (at === null && child.type.name === 'section') at = offset;
    });
    // No section at all: after the report header.
    return at ?? (doc.firstChild?.type.name === 'reportHeader' ? doc.firstChild.nodeSize : 0);
  }
  const parent = findSection(doc, parentId);
  return parent ? ownContentEnd(parent.node, parent.pos) : null;
}

/** One action as steps on `tr`; false when its place no longer exists or the JSON does not fit. */
function addAction(tr: Transaction, action: RecoveryAction): boolean {
  const { doc } = tr;
  const schema = doc.type.schema;
  try {
    switch (action.kind) {
      case 'content': {
        const hit = findSection(doc, action.sectionId);
        if (!hit) return false;
        const nodes = Fragment.fromArray(action.content.map((json) => schema.nodeFromJSON(json)));
        tr.replaceWith(hit.pos + 1, ownContentEnd(hit.node, hit.pos), nodes);
        return true;
      }
      case 'owner': {
        const hit = findSection(doc, action.sectionId);
        if (!hit) return false;
        tr.setNodeAttribute(hit.pos, 'owner', action.owner);
        return true;
      }
      case 'insert': {
        const at = insertPosition(doc, action.parentId, action.afterId);
        if (at === null) return false;
        tr.insert(at, schema.nodeFromJSON(action.section));
        return true;
      }
      case 'delete': {
        const hit = findSection(doc, action.sectionId);
        if (!hit) return false;
        tr.delete(hit.pos, hit.pos + hit.node.nodeSize);
        return true;
      }
      case 'block': {
        let found: { pos: number; node: PMNode } | null = null;
        doc.forEach((child, offset) => {
          if (!found && child.type.name === action.blockType) found = { pos: offset, node: child };
        });
        if (!found) return false;
        const { pos, node } = found as { pos: number; node: PMNode };
        tr.replaceWith(pos, pos + node.nodeSize, schema.nodeFromJSON(action.node));
        return true;
      }
    }
  } catch {
    return false;
  }
}

/**
 * Applies each action in its own transaction, so that one the read-only guard stops (it applies
 * the same rules as the plan, but with the editor's view of them) does not take the others with
 * it. Returns the actions that could not be applied.
 */
export function applyRecovery(editor: Editor, actions: readonly RecoveryAction[]): RecoveryAction[] {
  const failed: RecoveryAction[] = [];
  for (const action of actions) {
    const before = editor.state.doc;
    const tr = editor.state.tr;
    if (!addAction(tr, action)) {
      failed.push(action);
      continue;
    }
    // Already as the user had it (e.g. the same text arrived another way): nothing to put back.
    if (!tr.docChanged) continue;
    editor.view.dispatch(tr);
    // A filtered transaction leaves the state as it was.
    if (editor.state.doc === before) failed.push(action);
  }
  return failed;
}

export interface RecoveryOutcome {
  /** Changes put back into the document. */
  reapplied: number;
  /** Changes the user may no longer make (or that the server refused again), with their text. */
  refused: RefusedChange[];
  /** Changes put back a moment ago were refused again: nothing was retried this time. */
  again: boolean;
}

/** What ReportPage hands over when the server refused an update. */
export interface PendingRecovery {
  /** The whole local state at the refusal (Y.encodeStateAsUpdate of the old doc). */
  state: Uint8Array;
  /** The refused doc itself: the recovery waits for the session that replaces it. */
  from: Y.Doc;
  at: number;
}

/**
 * Waits for the fresh session to be synced and its editor mounted, reads the current statuses and
 * lock, then puts the user's changes back or reports them. `pending` is consumed once.
 */
export function useEditRecovery(options: {
  reportId: string;
  user: User;
  pending: PendingRecovery | null;
  doc: Y.Doc | null;
  synced: boolean;
  editor: Editor | null;
  onDone: (outcome: RecoveryOutcome) => void;
}): void {
  const { reportId, user, pending, doc, synced, editor, onDone } = options;
  const lastApplied = useRef(0);
  const handled = useRef<PendingRecovery | null>(null);
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;

  useEffect(() => {
    if (!pending || handled.current === pending || !doc || doc === pending.from || !synced) return;
    if (!editor || editor.isDestroyed) return;
    // The editor must be the one bound to the fresh doc, not the refused one being torn down.
    const collaboration = editor.extensionManager.extensions.find((e) => e.name === 'collaboration');
    if (collaboration?.options.document !== doc) return;
    handled.current = pending;
    (async () => {
      let detail: Awaited<ReturnType<typeof api.report>> | null = null;
      try {
        detail = await api.report(reportId);
      } catch {
        // Offline again: decide as for a locked report (put nothing back, report everything).
      }
      if (editor.isDestroyed) return;
      const statuses = sectionStatusMap(detail?.sections ?? []);
      const locked = detail ? isReadOnlyReport(detail) : true;
      const local = mergeUnsent(doc, pending.state);
      const plan = planRecovery(yDocToJson(doc), local, {
        user,
        locked,
        statusOf: (id) => statuses.get(id) ?? 'draft',
      });
      // Refused again right after changes were put back: report everything rather than loop.
      const retrying = pending.at - lastApplied.current < RETRY_WINDOW_MS;
      const toApply = retrying ? [] : plan.reapply;
      const failed = applyRecovery(editor, toApply);
      if (toApply.length > failed.length) lastApplied.current = Date.now();
      const notApplied = retrying ? plan.reapply : failed;
      // Comments and replies go with the refused state too: written again, or shown to copy.
      const review = recoverMessages(doc, unsentMessages(doc, pending.state, user.id), !locked && !retrying);
      if (review.rewritten > 0) lastApplied.current = Date.now();
      onDoneRef.current({
        reapplied: toApply.length - failed.length + review.rewritten,
        refused: [
          ...plan.refused,
          ...notApplied.map((action) => describeAction(local, action)),
          ...review.lost.map((message) => ({
            kind: message.kind,
            sectionId: message.sectionId,
            number: '',
            title: message.quote ? `“${message.quote}”` : '',
            text: message.text,
          })),
        ],
        again: retrying,
      });
    })();
  }, [pending, doc, synced, editor, reportId, user]);
}
