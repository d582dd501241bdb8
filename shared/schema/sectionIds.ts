// Unique section ids in every editor of the schema, checked only after steps that can bring a
// section in.
//
// Why: walking every section of the report after each local change costs milliseconds per
// keystroke on a report 30× the sample. A missing or duplicate id can only come from a step whose
// inserted content holds a section (paste, split, wrap, a moved block) or from an attribute
// change; typing, deleting and formatting never add one.
//
// A duplicate is renewed on the section that is NEW, never on the one that already had the id
// (a copy pasted before its source would otherwise take over the source's id): the server refuses
// an editor's change of an existing section's id, and the id is what the workflow state, the REST
// section operations and the history name.
import type { Node as PMNode, Slice } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import {
  AddMarkStep,
  AddNodeMarkStep,
  Mapping,
  RemoveMarkStep,
  RemoveNodeMarkStep,
  ReplaceAroundStep,
  ReplaceStep,
  type Step,
} from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { newId } from '../ids';

function sliceHasSection(slice: Slice): boolean {
  let found = false;
  slice.content.descendants((node) => {
    if (node.type.name === 'section') found = true;
    // Sections only nest in sections: no need to look inside anything else.
    return !found && node.type.name === 'section';
  });
  return found;
}

/** Whether `step` may leave a section without an id or with another section's id. */
export function stepMayAddSection(step: Step): boolean {
  if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) {
    return sliceHasSection((step as unknown as { slice: Slice }).slice);
  }
  if (
    step instanceof AddMarkStep ||
    step instanceof RemoveMarkStep ||
    step instanceof AddNodeMarkStep ||
    step instanceof RemoveNodeMarkStep
  ) {
    return false;
  }
  // Attribute steps (a section's id could be set) and any other kind: check.
  return true;
}

/** Whether the shared plugin has anything to look at after these transactions. */
export function mayAddSections(transactions: readonly Transaction[]): boolean {
  return transactions.some(
    (tr) => tr.docChanged && !tr.getMeta(ySyncPluginKey) && tr.steps.some(stepMayAddSection),
  );
}

/** Visit every section of `doc` with its position (sections nest only in sections). */
function eachSection(doc: PMNode, visit: (section: PMNode, pos: number) => void): void {
  doc.descendants((node, pos) => {
    if (node.type.name !== 'section') return node.type.name === 'doc';
    visit(node, pos);
    return true;
  });
}

/**
 * A transaction giving a fresh id to every section of `newState` that has none or shares its id
 * with another, keeping each id on the section that held it in `oldState`; null when all is well.
 */
export function renewSectionIds(
  transactions: readonly Transaction[],
  oldState: EditorState,
  newState: EditorState,
  makeId: () => string = () => newId('s'),
): Transaction | null {
  const mapping = new Mapping();
  for (const tr of transactions) mapping.appendMapping(tr.mapping);
  // Where the sections that existed before sit now (those whose id is theirs by right).
  const owners = new Map<number, string>();
  eachSection(oldState.doc, (section, pos) => {
    const id = section.attrs.id as string | null;
    const mapped = mapping.mapResult(pos, 1);
    if (!id || mapped.deletedAfter) return;
    const now = newState.doc.nodeAt(mapped.pos);
    if (now?.type.name === 'section' && now.attrs.id === id) owners.set(mapped.pos, id);
  });
  const reserved = new Set(owners.values());
  const seen = new Set<string>();
  const tr = newState.tr;
  eachSection(newState.doc, (section, pos) => {
    const id = section.attrs.id as string | null;
    const keeps = id !== null && id !== '' && !seen.has(id) && (owners.get(pos) === id || !reserved.has(id));
    if (keeps) {
      seen.add(id);
    } else {
      const fresh = makeId();
      seen.add(fresh);
      tr.setNodeAttribute(pos, 'id', fresh);
    }
  });
  return tr.docChanged ? tr : null;
}

const sectionIdsKey = new PluginKey('sectionUniqueIds');

/**
 * Fills missing section ids and renews duplicates after local changes (renewSectionIds).
 * Transactions that come from Yjs (y-tiptap's ySyncPluginKey) are skipped: a read-only client must
 * never write, and the author's own client already fixed them.
 */
export function sectionIdsPlugin(makeId: () => string = () => newId('s')): Plugin {
  return new Plugin({
    key: sectionIdsKey,
    appendTransaction: (transactions, oldState, newState) =>
      mayAddSections(transactions) ? renewSectionIds(transactions, oldState, newState, makeId) : null,
  });
}
