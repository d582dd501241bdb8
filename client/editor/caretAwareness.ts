// The awareness the caret plugin (CollaborationCaret → y-tiptap's yCursorPlugin) is given: the
// provider's own, except that its "change" listeners hear only changes of other users' states.
//
// Why: the plugin answers every awareness change with an extra editor transaction to redraw the
// remote carets — including the change our own caret makes on every keystroke, which redraws
// nothing (remote carets do not depend on ours) yet costs a full view update per keystroke on a
// long report. Other users' changes, joins and leaves still reach it.
import type { WebsocketProvider } from 'y-websocket';

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
  return new Proxy(awareness, {
    get(target, property) {
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
