// The attributed diff between two stored versions, after three users edited interleaved: an editor
// of Thông tin - Báo chí, an editor of Bưu chính - Viễn thông, and the secretary.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  attributionFrom,
  diffAgainstCurrent,
  diffVersions,
  VersionOrderError,
} from '../../../../server/history/diff';
import { silentLogger } from '../../../../server/log';
import { FileDeletedByStore } from '../../../../server/store/deleted-by-store';
import { FileVersionStore } from '../../../../server/store/version-store';
import {
  append,
  blockText,
  EditingSession,
  findSection,
  insertAfter,
  insertBefore,
  newSection,
  remove,
  titleFootnoteText,
} from '../../../helpers/editing';
import { reportWithSections } from '../../../helpers/report-fixtures';

const A = 'u-ttbc'; // editor, Phòng Thông tin - Báo chí
const B = 'u-bcvt'; // editor, Phòng Bưu chính - Viễn thông
const S = 'u-sec'; // the secretary
const REPORT = 'r-history';

const report = () =>
  reportWithSections([
    {
      title: 'Công tác thông tin',
      id: 's-tt',
      owner: 'ttbc',
      paragraphs: ['Đã cấp 12 giấy phép.', 'Tổ chức 3 hội nghị.'],
    },
    {
      title: 'Bưu chính, viễn thông',
      id: 's-bcvt',
      owner: 'bcvt',
      paragraphs: ['Doanh thu đạt 500 tỷ đồng.'],
      children: [
        {
          title: 'Viễn thông',
          id: 's-vt',
          titleFootnotes: ['Số liệu quý II'],
          paragraphs: ['Phủ sóng 4G 98%.'],
        },
      ],
    },
    { title: 'Mục cũ', id: 's-cu', paragraphs: ['Nội dung cũ.'] },
    { title: 'Đánh giá chung', id: 's-dg', paragraphs: ['Hoàn thành cơ bản.'] },
  ]);

let dir: string;
let deletedBy: FileDeletedByStore;
let versions: FileVersionStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dongsoan-diff-'));
  const reportDir = (id: string) => join(dir, 'reports', id);
  deletedBy = new FileDeletedByStore(reportDir, silentLogger);
  versions = new FileVersionStore(reportDir, silentLogger);
});

afterEach(async () => {
  await deletedBy.close();
  await versions.close();
  await rm(dir, { recursive: true, force: true });
});

/** Phase 1 (before the first version): everyone adds to their own sections. */
function phaseOne(session: EditingSession): void {
  session.edit(A, (f) => append(blockText(f, 's-tt', 1), ' Cấp mới 5 trang tin.'));
  session.edit(B, (f) => append(blockText(f, 's-bcvt', 1), ' Tăng 10%.'));
  session.edit(S, (f) => append(blockText(f, 's-dg', 1), ' Cần cố gắng.'));
}

/** Phase 2 (between the versions): interleaved inserts and deletes, across users and sections. */
function phaseTwo(session: EditingSession): void {
  // A corrects a figure of the imported text: the deleted "12" is the import's, deleted by A.
  session.edit(A, (f) => remove(blockText(f, 's-tt', 1), '12'));
  // The secretary removes B's sentence written before the first version.
  session.edit(S, (f) => remove(blockText(f, 's-bcvt', 1), ' Tăng 10%.'));
  session.edit(A, (f) => insertBefore(blockText(f, 's-tt', 1), ' giấy phép', '15'));
  session.edit(B, (f) => append(blockText(f, 's-bcvt', 1), ' Tăng 12%.'));
  // The secretary writes inside A's paragraph, between A's words.
  session.edit(S, (f) => insertAfter(blockText(f, 's-tt', 1), 'giấy phép', ' báo chí'));
  // Typed and deleted again between the versions: shows nowhere.
  session.edit(A, (f) => append(blockText(f, 's-tt', 2), ' nháp'));
  session.edit(A, (f) => remove(blockText(f, 's-tt', 2), ' nháp'));
  // Two users delete adjacent parts of one imported run.
  session.edit(A, (f) => remove(blockText(f, 's-tt', 2), 'Tổ chức'));
  session.edit(S, (f) => remove(blockText(f, 's-tt', 2), ' 3'));
  // B fixes the footnote of 2.1's title.
  session.edit(B, (f) => remove(titleFootnoteText(f, 's-vt'), 'II'));
  session.edit(B, (f) => append(titleFootnoteText(f, 's-vt'), '2'));
  // B adds a sub-section after s-vt.
  session.edit(B, (f) => {
    const parent = findSection(f, 's-bcvt');
    parent.insert(parent.length, [newSection('s-bc', 'Bưu chính', 'Sản lượng tăng.')]);
  });
  // The secretary removes a whole section and rewrites the conclusion.
  session.edit(S, (f) => {
    const old = findSection(f, 's-cu');
    f.delete(f.toArray().indexOf(old), 1);
  });
  session.edit(S, (f) => remove(blockText(f, 's-dg', 1), 'Hoàn thành cơ bản.'));
  session.edit(S, (f) => blockText(f, 's-dg', 1).insert(0, 'Đạt yêu cầu.'));
}

async function diffBetweenStoredVersions(session: EditingSession, v1: string, v2: string) {
  await session.settle();
  const older = await versions.get(REPORT, v1);
  const newer = await versions.get(REPORT, v2);
  if (!older || !newer) throw new Error('versions not stored');
  return diffVersions(older, newer, attributionFrom(session.clientOwners, await deletedBy.load(REPORT)));
}

describe('diffVersions', () => {
  it('attributes every insertion and deletion to its user and section, with exact texts', async () => {
    const session = new EditingSession(report(), REPORT, deletedBy);
    phaseOne(session);
    const v1 = await versions.create(REPORT, session.live, { name: 'Bản sáng', userId: S });
    phaseTwo(session);
    const v2 = await versions.create(REPORT, session.live, { name: 'Bản chiều', userId: S });

    const { changes } = await diffBetweenStoredVersions(session, v1.id, v2.id);
    // Document order. Where a user deleted a run and typed at the same place, the deleted run comes
    // first: Y.Text moves an insertion past deleted items (minimizeAttributeChanges).
    expect(changes).toEqual([
      { kind: 'delete', text: '12', userId: A, sectionId: 's-tt' },
      { kind: 'insert', text: '15', userId: A, sectionId: 's-tt' },
      { kind: 'insert', text: ' báo chí', userId: S, sectionId: 's-tt' },
      { kind: 'delete', text: 'Tổ chức', userId: A, sectionId: 's-tt' },
      { kind: 'delete', text: ' 3', userId: S, sectionId: 's-tt' },
      { kind: 'delete', text: ' Tăng 10%.', userId: S, sectionId: 's-bcvt' },
      { kind: 'insert', text: ' Tăng 12%.', userId: B, sectionId: 's-bcvt' },
      { kind: 'delete', text: 'II', userId: B, sectionId: 's-vt' },
      { kind: 'insert', text: '2', userId: B, sectionId: 's-vt' },
      { kind: 'insert', text: 'Bưu chính', userId: B, sectionId: 's-bc' },
      { kind: 'insert', text: 'Sản lượng tăng.', userId: B, sectionId: 's-bc' },
      { kind: 'delete', text: 'Mục cũ', userId: S, sectionId: 's-cu' },
      { kind: 'delete', text: 'Nội dung cũ.', userId: S, sectionId: 's-cu' },
      { kind: 'delete', text: 'Hoàn thành cơ bản.', userId: S, sectionId: 's-dg' },
      { kind: 'insert', text: 'Đạt yêu cầu.', userId: S, sectionId: 's-dg' },
    ]);
    // The live doc is still at v2: to=current gives the same list.
    const older = await versions.get(REPORT, v1.id);
    const attribution = attributionFrom(session.clientOwners, await deletedBy.load(REPORT));
    expect(diffAgainstCurrent(older!, session.live, attribution).changes).toEqual(changes);
  });

  it('reports the first version against the import, unattributed import text untouched', async () => {
    const session = new EditingSession(report(), REPORT, deletedBy);
    const v0 = await versions.create(REPORT, session.live, { name: 'Khởi tạo', userId: S });
    phaseOne(session);
    const v1 = await versions.create(REPORT, session.live, { name: 'Bản sáng', userId: S });
    const { changes } = await diffBetweenStoredVersions(session, v0.id, v1.id);
    expect(changes).toEqual([
      { kind: 'insert', text: ' Cấp mới 5 trang tin.', userId: A, sectionId: 's-tt' },
      { kind: 'insert', text: ' Tăng 10%.', userId: B, sectionId: 's-bcvt' },
      { kind: 'insert', text: ' Cần cố gắng.', userId: S, sectionId: 's-dg' },
    ]);
  });

  it('merges a user’s consecutive typing into one change and splits where someone else typed', async () => {
    const session = new EditingSession(report(), REPORT, deletedBy);
    const v1 = await versions.create(REPORT, session.live, { name: 'v1', userId: S });
    for (const word of [' Một', ' hai', ' ba']) session.edit(A, (f) => append(blockText(f, 's-tt', 2), word));
    session.edit(S, (f) => insertAfter(blockText(f, 's-tt', 2), ' Một', ' (xem lại)'));
    const v2 = await versions.create(REPORT, session.live, { name: 'v2', userId: S });
    const { changes } = await diffBetweenStoredVersions(session, v1.id, v2.id);
    expect(changes).toEqual([
      { kind: 'insert', text: ' Một', userId: A, sectionId: 's-tt' },
      { kind: 'insert', text: ' (xem lại)', userId: S, sectionId: 's-tt' },
      { kind: 'insert', text: ' hai ba', userId: A, sectionId: 's-tt' },
    ]);
  });

  it('splits a run typed across the version boundary (Yjs merges it into one item)', async () => {
    const session = new EditingSession(report(), REPORT, deletedBy);
    session.edit(A, (f) => append(blockText(f, 's-tt', 2), ' Một'));
    const v1 = await versions.create(REPORT, session.live, { name: 'v1', userId: S });
    session.edit(A, (f) => append(blockText(f, 's-tt', 2), ' hai'));
    session.edit(A, (f) => remove(blockText(f, 's-tt', 2), 'Tổ'));
    const v2 = await versions.create(REPORT, session.live, { name: 'v2', userId: S });
    const { changes } = await diffBetweenStoredVersions(session, v1.id, v2.id);
    expect(changes).toEqual([
      { kind: 'delete', text: 'Tổ', userId: A, sectionId: 's-tt' },
      { kind: 'insert', text: ' hai', userId: A, sectionId: 's-tt' },
    ]);
  });

  it('ignores text already deleted in the older version even when it stayed in the state (gc off)', () => {
    // A version taken from a gc:false doc keeps deleted text; it must not show as deleted again.
    const doc = new Y.Doc({ gc: false });
    doc.getXmlFragment('default').insert(0, [new Y.XmlText('abcde')]);
    const yText = doc.getXmlFragment('default').get(0) as Y.XmlText;
    yText.delete(2, 1); // "c" gone before the older version
    const older = Y.encodeStateAsUpdateV2(doc);
    yText.delete(0, 4); // "abde" → "", the deleted runs merge with "c" into one item
    const newer = Y.encodeStateAsUpdateV2(doc);
    const attribution = { userForClient: () => null, userForDeleted: () => 'u-x' };
    expect(diffVersions(older, newer, attribution).changes).toEqual([
      // "c" was not visible in either version, so it neither shows nor splits the change.
      { kind: 'delete', text: 'abde', userId: 'u-x', sectionId: null },
    ]);
  });

  it('diffs against the live doc (to=current) the same way', async () => {
    const session = new EditingSession(report(), REPORT, deletedBy);
    phaseOne(session);
    const v1 = await versions.create(REPORT, session.live, { name: 'Bản sáng', userId: S });
    session.edit(S, (f) => remove(blockText(f, 's-bcvt', 1), ' Tăng 10%.'));
    session.edit(B, (f) => append(blockText(f, 's-vt', 1), ' Phủ sóng 5G.'));
    await session.settle();
    const older = await versions.get(REPORT, v1.id);
    const attribution = attributionFrom(session.clientOwners, await deletedBy.load(REPORT));
    expect(diffAgainstCurrent(older!, session.live, attribution).changes).toEqual([
      { kind: 'delete', text: ' Tăng 10%.', userId: S, sectionId: 's-bcvt' },
      { kind: 'insert', text: ' Phủ sóng 5G.', userId: B, sectionId: 's-vt' },
    ]);
  });

  it('finds no change between a version and itself', async () => {
    const session = new EditingSession(report(), REPORT, deletedBy);
    phaseOne(session);
    const v1 = await versions.create(REPORT, session.live, { name: 'v1', userId: S });
    const { changes } = await diffBetweenStoredVersions(session, v1.id, v1.id);
    expect(changes).toEqual([]);
  });

  it('refuses swapped versions with VersionOrderError', async () => {
    const session = new EditingSession(report(), REPORT, deletedBy);
    const v1 = await versions.create(REPORT, session.live, { name: 'v1', userId: S });
    phaseOne(session);
    const v2 = await versions.create(REPORT, session.live, { name: 'v2', userId: S });
    await expect(diffBetweenStoredVersions(session, v2.id, v1.id)).rejects.toThrow(VersionOrderError);
    // A version of another report is not contained in this live doc either.
    const other = new EditingSession(report(), 'r-other', deletedBy);
    const none = { userForClient: () => null, userForDeleted: () => null };
    expect(() => diffAgainstCurrent(Y.encodeStateAsUpdateV2(other.live), session.live, none)).toThrow(
      VersionOrderError,
    );
  });

  it('leaves deletions nobody recorded unattributed rather than guessing', async () => {
    const session = new EditingSession(report(), REPORT, deletedBy);
    const v1 = Y.encodeStateAsUpdateV2(session.live);
    session.edit(S, (f) => remove(blockText(f, 's-dg', 1), 'cơ bản'));
    const v2 = Y.encodeStateAsUpdateV2(session.live);
    const noDeletes = { userForClient: () => null, userForDeleted: () => null };
    expect(diffVersions(v1, v2, noDeletes).changes).toEqual([
      { kind: 'delete', text: 'cơ bản', userId: null, sectionId: 's-dg' },
    ]);
  });
});
