// The starting documents, built exactly as dongsoan builds them (same importer, same owner
// assignment as the demo seed, same JSON → Y.Doc conversion), so the peers are given the same
// content dongsoan serves: the demo report, and a report 30× the sample for the cold load.
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { assignSections, withOwners } from '../../server/seed/assignments';
import { DEMO_DEPARTMENT_IDS, DEMO_HEADER, SAMPLE_FILE } from '../../server/seed/demo';
import { buildOutline } from '../../shared/derive';
import { importReportText } from '../../shared/import';
import { FRAGMENT_NAME, jsonToYDoc } from '../../shared/ydoc';

export const COLD_SCALE = 30;

let demoState: Uint8Array | null = null;
let bigText: string | null = null;
let bigState: Uint8Array | null = null;

export function sampleText(): string {
  return readFileSync(SAMPLE_FILE, 'utf8');
}

/** The demo report as the seed creates it: the sample with departments assigned to sections. */
export function demoReportState(): Uint8Array {
  if (!demoState) {
    const imported = importReportText(sampleText(), { header: DEMO_HEADER });
    const owned = withOwners(imported, assignSections(buildOutline(imported), DEMO_DEPARTMENT_IDS));
    const doc = jsonToYDoc(owned);
    demoState = Y.encodeStateAsUpdate(doc);
    doc.destroy();
  }
  return demoState;
}

/** 30 copies of the sample's body between its header and its closing: one big report. */
export function bigReportText(): string {
  if (!bigText) {
    const sample = sampleText();
    const start = sample.indexOf('I. KẾT QUẢ');
    const end = sample.indexOf('\tNơi nhận:');
    bigText = sample.slice(0, start) + sample.slice(start, end).repeat(COLD_SCALE) + sample.slice(end);
  }
  return bigText;
}

export function bigReportState(): Uint8Array {
  if (!bigState) {
    const doc = jsonToYDoc(importReportText(bigReportText()));
    bigState = Y.encodeStateAsUpdate(doc);
    doc.destroy();
  }
  return bigState;
}

export interface TypingTarget {
  /** Position of the section in document order (the same in every server's copy). */
  sectionIndex: number;
  /** Effective owner: the department allowed to edit it (null: the secretary only). */
  owner: string | null;
  text: Y.XmlText;
}

/**
 * Sections in document order that have a paragraph of their own with text in it: where a
 * department's member would type. Found in a client's own doc, so positions are its own.
 */
export function typingTargets(doc: Y.Doc): TypingTarget[] {
  const targets: TypingTarget[] = [];
  let sectionIndex = 0;
  const visit = (parent: Y.XmlElement | Y.XmlFragment, inherited: string | null) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName !== 'section') {
        continue;
      }
      const owner = (child.getAttribute('owner') as string | undefined) ?? inherited;
      const index = sectionIndex++;
      const paragraph = child
        .toArray()
        .find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph');
      const text = paragraph?.get(0);
      if (text instanceof Y.XmlText && text.length >= 10) targets.push({ sectionIndex: index, owner, text });
      visit(child, owner);
    }
  };
  visit(doc.getXmlFragment(FRAGMENT_NAME), null);
  return targets;
}

/** Targets a department editor may type in (owner set), in document order. */
export function ownedTargets(doc: Y.Doc): TypingTarget[] {
  return typingTargets(doc).filter((target) => target.owner !== null);
}

export function hasContent(doc: Y.Doc): boolean {
  return doc.getXmlFragment(FRAGMENT_NAME).length > 0;
}
