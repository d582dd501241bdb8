// The awareness the caret plugin (CollaborationCaret → y-tiptap's yCursorPlugin) is given: the
// provider's own, except that its "change" listeners hear only changes of other users' states.
//
// Why: the plugin answers every awareness change with an extra editor transaction to redraw the
// remote carets — including the change our own caret makes on every keystroke, which redraws
// nothing (remote carets do not depend on ours) yet costs a full view update per keystroke on a
// long report. Other users' changes, joins and leaves still reach it.
//
// And the plugin's writes of our own caret (a field of our awareness state, set on every
// keystroke) are applied after the next paint, latest value per field: applying one encodes an
// awareness update and wakes every presence listener, work the typed character need not wait for.
import type { WebsocketProvider } from 'y-websocket';
import { afterPaint } from './afterPaint';

type Awareness = WebsocketProvider['awareness'];
interface Change {
  added: number[];
  updated: number[];
  removed: number[];
}
type Listener = (change: Change, origin: unknown) => void;

/** True when a change concerns some client other than `self`. */
export function concernsOthers(change: Change, self: number): boolean {
  return [change.added, change.updated, change.removed].some((ids) => ids.some((id) => id !== self));
}

export function remoteChangesOnly(awareness: Awareness): Awareness {
  const filtered = new Map<Listener, Listener>();
  const pendingFields = new Map<string, unknown>();
  const publishFields = () => {
    const fields = [...pendingFields];
    pendingFields.clear();
    for (const [field, value] of fields) awareness.setLocalStateField(field, value);
  };
  return new Proxy(awareness, {
    get(target, property) {
      if (property === 'setLocalStateField') {
        return (field: string, value: unknown) => {
          if (pendingFields.size === 0) afterPaint(publishFields);
          pendingFields.set(field, value);
        };
      }
      if (property === 'on' || property === 'off') {
        return (event: string, listener: Listener) => {
          if (event !== 'change') return target[property](event as 'change', listener);
          if (property === 'on') {
            const onChange: Listener = (change, origin) => {
              if (concernsOthers(change, target.clientID)) listener(change, origin);
            };
            filtered.set(listener, onChange);
            return target.on('change', onChange);
          }
          const onChange = filtered.get(listener);
          filtered.delete(listener);
          if (onChange) target.off('change', onChange);
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
