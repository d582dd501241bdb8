// One keystroke as an editor makes it: a character inserted at a random position of the client's
// own paragraph, then the awareness cursor moved after it (as y-tiptap's caret does).
import * as Y from 'yjs';
import type { BenchClient } from '../lib/client';
import type { LatencyTracker } from '../lib/latency';

const LETTERS = 'aăâbcdđeêghiklmnoôơpqrstuưvxy ';

export function typeOne(client: BenchClient, text: Y.XmlText, tracker: LatencyTracker, cursor = true): void {
  const doc = client.doc;
  const index = Math.floor(Math.random() * (text.length + 1));
  const char = LETTERS[Math.floor(Math.random() * LETTERS.length)];
  tracker.markSend(doc.clientID, Y.getState(doc.store, doc.clientID), performance.now());
  text.insert(index, char);
  if (cursor) {
    const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index + 1));
    client.awareness.setLocalStateField('cursor', { anchor: position, head: position });
  }
}
