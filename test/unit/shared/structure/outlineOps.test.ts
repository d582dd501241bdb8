import { Transform } from '@tiptap/pm/transform';
import { describe, expect, it } from 'vitest';
import {
  applyOutlineOp,
  type DropPlacement,
  locateSection,
  moveSection,
  type OutlineOp,
} from '../../../../shared/structure/outlineOps';
import { outlineDoc, outlineLines } from '../../../helpers/outline-docs';

function run(id: string, op: OutlineOp) {
  const tr = new Transform(outlineDoc());
  let n = 0;
  const result = applyOutlineOp(tr, id, op, () => `new${++n}`);
  tr.doc.check();
  return { result, doc: tr.doc, lines: outlineLines(tr.doc) };
}

const BEFORE = ['I. A', '  1. A1', '  2. A2', '  3. A3', 'II. B', 'III. C'];

describe('outline operations', () => {
  it('starts from the fixture outline', () => {
    expect(outlineLines(outlineDoc())).toEqual(BEFORE);
  });

  it('adds an empty section before, after or inside, with a fresh id and no owner', () => {
    expect(run('B', 'addBefore').lines).toEqual([
      'I. A',
      '  1. A1',
      '  2. A2',
      '  3. A3',
      'II. new1',
      'III. B',
      'IV. C',
    ]);
    expect(run('C', 'addAfter').lines).toEqual([...BEFORE, 'IV. new1']);
    const child = run('A', 'addChild');
    expect(child.lines).toEqual(['I. A', '  1. A1', '  2. A2', '  3. A3', '  4. new1', 'II. B', 'III. C']);
    expect(child.result).toEqual({ focusId: 'new1' });
    const fresh = locateSection(child.doc, 'new1')!.node;
    expect(fresh.attrs.owner).toBeNull();
    expect(fresh.textContent).toBe('');
  });

  it('moves a section among its siblings, keeping its id, owner and contents', () => {
    const up = run('A2', 'moveUp');
    expect(up.lines).toEqual(['I. A', '  1. A2', '  2. A1', '  3. A3', 'II. B', 'III. C']);
    expect(run('A', 'moveDown').lines).toEqual(['I. B', 'II. A', '  1. A1', '  2. A2', '  3. A3', 'III. C']);
    const moved = locateSection(run('A', 'moveDown').doc, 'A')!.node;
    expect(moved.attrs.owner).toBe('ttbc');
    expect(moved.textContent).toContain('Text of A3.');
  });

  it('demotes into the previous sibling (as its last sub-section) and promotes after the parent', () => {
    expect(run('B', 'demote').lines).toEqual(['I. A', '  1. A1', '  2. A2', '  3. A3', '  4. B', 'II. C']);
    expect(run('A2', 'promote').lines).toEqual(['I. A', '  1. A1', '  2. A3', 'II. A2', 'III. B', 'IV. C']);
    // Sub-sections travel with their section.
    expect(run('A', 'demote').result).toBeNull();
    const carried = run('B', 'demote');
    const twice = new Transform(carried.doc);
    applyOutlineOp(twice, 'A', 'moveDown');
    expect(outlineLines(twice.doc)).toEqual(['I. C', 'II. A', '  1. A1', '  2. A2', '  3. A3', '  4. B']);
  });

  it('deletes a section with its contents and names a neighbour to show', () => {
    const gone = run('A', 'delete');
    expect(gone.lines).toEqual(['I. B', 'II. C']);
    expect(gone.doc.textContent).not.toContain('Text of A1.');
    expect(gone.result).toEqual({ focusId: 'B' });
    expect(run('A3', 'delete').result).toEqual({ focusId: 'A2' });
  });

  it('refuses what the shape does not allow, leaving the document untouched', () => {
    const cases: [string, OutlineOp][] = [
      ['A', 'moveUp'],
      ['C', 'moveDown'],
      ['A1', 'moveUp'],
      ['A3', 'moveDown'],
      ['A', 'promote'],
      ['A1', 'demote'],
      ['nope', 'delete'],
    ];
    for (const [id, op] of cases) {
      const { result, lines } = run(id, op);
      expect(result, `${op} ${id}`).toBeNull();
      expect(lines).toEqual(BEFORE);
    }
    const single = new Transform(outlineDoc([{ id: 'only' }]));
    expect(applyOutlineOp(single, 'only', 'delete')).toBeNull();
  });
});

describe('moving a section by drag and drop', () => {
  const drop = (id: string, target: string, placement: DropPlacement) => {
    const tr = new Transform(outlineDoc());
    const result = moveSection(tr, id, target, placement);
    tr.doc.check();
    return result === null ? null : outlineLines(tr.doc);
  };

  it('puts the section before, after or inside the target, with its sub-sections', () => {
    expect(drop('C', 'A', 'before')).toEqual(['I. C', 'II. A', '  1. A1', '  2. A2', '  3. A3', 'III. B']);
    expect(drop('A1', 'B', 'after')).toEqual(['I. A', '  1. A2', '  2. A3', 'II. B', 'III. A1', 'IV. C']);
    expect(drop('A', 'C', 'inside')).toEqual([
      'I. B',
      'II. C',
      '  1. A',
      '    1.1. A1',
      '    1.2. A2',
      '    1.3. A3',
    ]);
  });

  it('refuses a drop into the section itself or where it already is', () => {
    expect(drop('A', 'A2', 'inside')).toBeNull();
    expect(drop('A', 'A', 'after')).toBeNull();
    expect(drop('A1', 'A2', 'before')).toBeNull();
    expect(drop('A2', 'A1', 'after')).toBeNull();
    expect(drop('A1', 'nope', 'after')).toBeNull();
  });
});
