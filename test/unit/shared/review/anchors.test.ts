import { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorAt, anchorRange } from '../../../../shared/review/anchors';
import { parseReviewEntry } from '../../../../shared/review/entries';
import { reportSchema } from '../../../../shared/schema';
import { jsonToYDoc, yDocToJson } from '../../../../shared/ydoc';
import { randomReport, seededRandom } from '../../../helpers/report-docs';
import { reportWithSections } from '../../../helpers/report-fixtures';

const pmDoc = (ydoc: Y.Doc) => PMNode.fromJSON(reportSchema, yDocToJson(ydoc));

/** The PM range of the first occurrence of `words` inside one textblock. */
function rangeOf(doc: PMNode, words: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    if (found || !node.isTextblock) return !found;
    const at = node.textContent.indexOf(words);
    if (at < 0) return true;
    // Text positions only: the blocks these tests search hold plain text.
    found = { from: pos + 1 + at, to: pos + 1 + at + words.length };
    return false;
  });
  if (!found) throw new Error(`"${words}" not in the document`);
  return found;
}

const sections = () =>
  reportWithSections(
    [
      {
        id: 'a',
        title: 'Kinh tế',
        titleFootnotes: ['Số liệu sơ bộ'],
        paragraphs: ['Tổng sản phẩm tăng 7,2% so với cùng kỳ.', 'Thu ngân sách đạt 52% dự toán.'],
        children: [{ id: 'a1', title: 'Nông nghiệp', paragraphs: ['Sản lượng lúa ổn định.'] }],
      },
      { id: 'b', title: 'Văn hóa', paragraphs: ['Tổ chức 12 lễ hội truyền thống.'] },
    ],
    { summary: 'Báo cáo tình hình sáu tháng đầu năm' },
  );

/** A second replica of `doc`, its changes sent back as one update. */
function editElsewhere(doc: Y.Doc, edit: (other: Y.Doc) => void): void {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(doc);
  edit(other);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, before));
}

/** The XmlText of the paragraph holding `words`. */
function textHolding(doc: Y.Doc, words: string): Y.XmlText {
  const search = (type: Y.XmlFragment | Y.XmlElement): Y.XmlText | null => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) {
        if (child.toString().includes(words)) return child;
      } else if (child instanceof Y.XmlElement) {
        const found = search(child);
        if (found) return found;
      }
    }
    return null;
  };
  const found = search(doc.getXmlFragment('default'));
  if (!found) throw new Error(`"${words}" not in the Y.Doc`);
  return found;
}

describe('comment anchors without an editor', () => {
  it('gives back the range it was made from, in every block of the report', () => {
    const ydoc = jsonToYDoc(sections());
    const doc = pmDoc(ydoc);
    for (const words of ['sáu tháng', 'Kinh tế', 'tăng 7,2%', 'Thu ngân sách', 'lúa ổn định.', 'Tổ']) {
      const range = rangeOf(doc, words);
      expect(anchorRange(ydoc, anchorAt(ydoc, range.from, range.to))).toEqual(range);
    }
  });

  it('stores as a valid comment entry anchor', () => {
    const ydoc = jsonToYDoc(sections());
    const range = rangeOf(pmDoc(ydoc), 'Thu ngân sách');
    const entry = {
      kind: 'comment',
      id: 'c-abcdef12',
      sectionId: 'a',
      authorId: 'u1',
      text: 'Kiểm tra lại',
      quote: 'Thu ngân sách',
      anchor: anchorAt(ydoc, range.from, range.to),
      at: new Date().toISOString(),
    };
    expect(parseReviewEntry(entry.id, JSON.parse(JSON.stringify(entry)))).not.toBeNull();
  });

  it('round-trips every text range of random reports (footnotes, tables, lists, nested sections)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const ydoc = jsonToYDoc(randomReport(seed));
      const doc = pmDoc(ydoc);
      const textPositions: number[] = [];
      doc.descendants((node, pos) => {
        if (node.isText) for (let i = 0; i <= node.nodeSize; i++) textPositions.push(pos + i);
        return true;
      });
      const random = seededRandom(seed);
      for (let n = 0; n < 200; n++) {
        const a = textPositions[Math.floor(random() * textPositions.length)];
        const b = textPositions[Math.floor(random() * textPositions.length)];
        if (a === b) continue;
        const [from, to] = a < b ? [a, b] : [b, a];
        expect(anchorRange(ydoc, anchorAt(ydoc, from, to)), `seed ${seed} ${from}-${to}`).toEqual({
          from,
          to,
        });
      }
    }
  });

  it('keeps the same words after concurrent edits before, at both ends of, and after the range', () => {
    const ydoc = jsonToYDoc(sections());
    const range = rangeOf(pmDoc(ydoc), 'tăng 7,2%');
    const anchor = JSON.parse(JSON.stringify(anchorAt(ydoc, range.from, range.to)));
    editElsewhere(ydoc, (other) => {
      const text = textHolding(other, 'tăng 7,2%');
      const at = text.toString().indexOf('tăng 7,2%');
      text.insert(at + 'tăng 7,2%'.length, ' (ước)');
      text.insert(at, 'đã ');
      text.insert(0, 'Theo số liệu, ');
    });
    editElsewhere(ydoc, (other) => textHolding(other, 'Kinh tế').insert(0, 'Phát triển '));
    const doc = pmDoc(ydoc);
    const moved = anchorRange(ydoc, anchor);
    expect(moved).not.toBeNull();
    expect(moved).not.toEqual(range);
    expect(doc.textBetween(moved?.from ?? 0, moved?.to ?? 0)).toBe('tăng 7,2%');
  });

  it('covers text typed inside the range, and is detached (null) once all of its text is deleted', () => {
    const ydoc = jsonToYDoc(sections());
    const range = rangeOf(pmDoc(ydoc), 'lễ hội');
    const anchor = anchorAt(ydoc, range.from, range.to);
    editElsewhere(ydoc, (other) => {
      const text = textHolding(other, 'lễ hội');
      text.insert(text.toString().indexOf('hội'), 'XX');
    });
    const grown = anchorRange(ydoc, anchor);
    expect(pmDoc(ydoc).textBetween(grown?.from ?? 0, grown?.to ?? 0)).toBe('lễ XXhội');
    editElsewhere(ydoc, (other) => {
      const text = textHolding(other, 'lễ XXhội');
      text.delete(text.toString().indexOf('lễ XXhội'), 'lễ XXhội'.length);
    });
    expect(anchorRange(ydoc, anchor)).toBeNull();
  });

  it('is detached when the section holding it is deleted', () => {
    const ydoc = jsonToYDoc(sections());
    const range = rangeOf(pmDoc(ydoc), 'lễ hội');
    const anchor = anchorAt(ydoc, range.from, range.to);
    editElsewhere(ydoc, (other) => {
      const fragment = other.getXmlFragment('default');
      fragment.delete(fragment.length - 1, 1);
    });
    expect(anchorRange(ydoc, anchor)).toBeNull();
  });
});
