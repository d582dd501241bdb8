import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import {
  blockAttrsTransaction,
  HEADER_FIELDS,
  headerFormAttrs,
  readHeaderForm,
} from '../../../../client/workflow/documentAttributes';
import { reportSchema } from '../../../../shared/schema';

const QH = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const TN = 'Độc lập - Tự do - Hạnh phúc';

const docWithHeader = (attrs: Record<string, string>) =>
  reportSchema.nodeFromJSON({
    type: 'doc',
    content: [
      { type: 'reportHeader', attrs, content: [{ type: 'text', text: 'Tình hình' }] },
      {
        type: 'section',
        attrs: { id: 's1', owner: null },
        content: [{ type: 'sectionTitle' }, { type: 'paragraph' }],
      },
    ],
  });

describe('the header form', () => {
  it('has separate fields for the Quốc hiệu and the Tiêu ngữ', () => {
    expect(HEADER_FIELDS.slice(0, 2)).toEqual(['nationalTitle', 'nationalMotto']);
    expect(HEADER_FIELDS).not.toContain('motto');
  });

  it('shows an old header’s single field as its two lines, the missing Tiêu ngữ included', () => {
    const form = readHeaderForm(docWithHeader({ motto: QH, number: '05/BC-UBND' }));
    expect(form).toMatchObject({ nationalTitle: QH, nationalMotto: TN, number: '05/BC-UBND' });
  });

  it('saving moves the lines into the two fields and clears the old one, keeping every other field', () => {
    const doc = docWithHeader({ motto: `${QH}\n${TN}`, issuingBody: 'SỞ TT&TT', place: 'Hà Nội' });
    const state = EditorState.create({ doc });
    const form = readHeaderForm(doc)!;
    const tr = blockAttrsTransaction(state, 'reportHeader', headerFormAttrs(form));
    const attrs = state.apply(tr!).doc.firstChild!.attrs;
    expect(attrs).toMatchObject({
      nationalTitle: QH,
      nationalMotto: TN,
      motto: '',
      issuingBody: 'SỞ TT&TT',
      place: 'Hà Nội',
      documentType: 'BÁO CÁO',
    });
    expect(state.apply(tr!).doc.firstChild!.textContent).toBe('Tình hình');
  });

  it('is null without a header', () => {
    expect(
      readHeaderForm(
        reportSchema.nodeFromJSON({
          type: 'doc',
          content: [
            {
              type: 'section',
              attrs: { id: 's1', owner: null },
              content: [{ type: 'sectionTitle' }, { type: 'paragraph' }],
            },
          ],
        }),
      ),
    ).toBeNull();
  });
});
