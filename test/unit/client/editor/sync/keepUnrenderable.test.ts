// Content the editor cannot render stays in the shared document (client/editor/sync/
// keepUnrenderable.ts): y-tiptap's binding, rendering a fragment that holds an unknown element
// and a text with an unknown mark, must neither delete them on its first render nor when more
// such content arrives from another client; without the patch it deletes both (the control case).
import { EditorState } from '@tiptap/pm/state';
import {
  type ProsemirrorBinding,
  prosemirrorToYXmlFragment,
  ySyncPlugin,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { keepUnrenderable, withoutBindingWrites } from '../../../../../client/editor/sync/keepUnrenderable';
import { reportSchema } from '../../../../../shared/schema';
import { para, reportWithSections, section } from '../../fixtures';

/** A shared fragment with a valid report whose section s11 also holds unrenderable content. */
function sharedWithUnrenderable() {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('prosemirror');
  prosemirrorToYXmlFragment(
    reportWithSections([section('s11', 'baochi', 'Báo chí', [para('Một')])]),
    fragment,
  );
  const s11 = fragment
    .toArray()
    .find((child) => child instanceof Y.XmlElement && child.nodeName === 'section');
  if (!(s11 instanceof Y.XmlElement)) throw new Error('no section');
  const script = new Y.XmlElement('script');
  script.insert(0, [new Y.XmlText('ẩn')]);
  const marked = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  marked.insert(0, [text]);
  text.insert(0, 'nhấp nháy', { blink: {} });
  s11.insert(1, [script, marked]);
  return { doc, fragment, s11 };
}

/** The binding on a minimal view (state + dispatch), as the editor would run it. */
function bind(fragment: Y.XmlFragment, patch: boolean) {
  const state = EditorState.create({ schema: reportSchema, plugins: [ySyncPlugin(fragment)] });
  const binding = ySyncPluginKey.getState(state).binding as ProsemirrorBinding;
  let kept = 0;
  if (patch) keepUnrenderable(binding, () => kept++);
  const view = {
    state,
    dispatch(tr: ReturnType<EditorState['apply']>['tr']) {
      view.state = view.state.apply(tr);
    },
    hasFocus: () => false,
    _root: null,
  };
  binding.initView(view as never);
  (binding as unknown as { _forceRerender(): void })._forceRerender();
  return { binding, view, kept: () => kept };
}

describe('keepUnrenderable', () => {
  it('keeps what the first render cannot show, and shows the rest', () => {
    const { fragment, s11 } = sharedWithUnrenderable();
    const { view, kept } = bind(fragment, true);
    expect(s11.toString()).toContain('<script>ẩn</script>');
    expect(s11.toString()).toContain('nhấp nháy');
    expect(kept()).toBeGreaterThanOrEqual(2);
    expect(view.state.doc.textContent).toContain('Một');
    expect(view.state.doc.textContent).not.toContain('ẩn');
  });

  it('keeps unrenderable content that arrives later from another client', () => {
    const { doc, fragment } = sharedWithUnrenderable();
    const { view } = bind(fragment, true);
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const remoteSection = remote
      .getXmlFragment('prosemirror')
      .toArray()
      .find((child) => child instanceof Y.XmlElement && child.nodeName === 'section') as Y.XmlElement;
    remoteSection.insert(1, [new Y.XmlElement('iframe')]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    expect(fragment.toString()).toContain('<iframe></iframe>');
    expect(fragment.toString()).toContain('<script>ẩn</script>');
    expect(view.state.doc.textContent).toContain('Một');
  });

  it('control: the stock binding deletes what it cannot render', () => {
    const { fragment, s11 } = sharedWithUnrenderable();
    bind(fragment, false);
    expect(s11.toString()).not.toContain('script');
    expect(s11.toString()).not.toContain('nhấp nháy');
  });
});

describe('withoutBindingWrites', () => {
  it('skips only the binding’s transactions, and only while rendering', () => {
    const doc = new Y.Doc();
    const map = doc.getMap('m');
    let skipped = 0;
    withoutBindingWrites(
      doc,
      () => {
        doc.transact(() => map.set('binding', 1), ySyncPluginKey);
        doc.transact(() => map.set('other', 1), 'someone');
      },
      () => skipped++,
    );
    expect(skipped).toBe(1);
    expect(map.has('binding')).toBe(false);
    expect(map.get('other')).toBe(1);
    doc.transact(() => map.set('binding', 2), ySyncPluginKey);
    expect(map.get('binding')).toBe(2);
  });
});
