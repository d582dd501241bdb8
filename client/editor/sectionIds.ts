// The shared schema's unique-section-id plugin, run only after steps that can bring a section in.
//
// Why: the shared plugin walks every section of the report after each local change, which on a
// report 30× the sample costs milliseconds per keystroke. A missing or duplicate id can only come
// from a step whose inserted content holds a section (paste, split, wrap, a moved block) or from
// an attribute change; typing, deleting and formatting never add one.
import { Extension } from '@tiptap/core';
import type { Slice } from '@tiptap/pm/model';
import { Plugin, type Transaction } from '@tiptap/pm/state';
import {
  AddMarkStep,
  AddNodeMarkStep,
  RemoveMarkStep,
  RemoveNodeMarkStep,
  ReplaceAroundStep,
  ReplaceStep,
  type Step,
} from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { sectionIdsPlugin } from '../../shared/schema';

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

/** Use with `Section.configure({ uniqueIds: false })`, in its place. */
export const SectionIds = Extension.create({
  name: 'sectionIds',

  addProseMirrorPlugins() {
    const shared = sectionIdsPlugin();
    const append = shared.spec.appendTransaction;
    return [
      new Plugin({
        key: shared.spec.key,
        appendTransaction: (transactions, oldState, newState) =>
          append && mayAddSections(transactions)
            ? append.call(shared, transactions, oldState, newState)
            : null,
      }),
    ];
  },
});
