// The keyboard shortcuts of outline editing, shown in the menu labels (client/i18n/outline.ts).
import type { OutlineOp } from '../../../shared/structure/outlineOps';

/** The operation an Alt+Shift key stands for, or null. */
export function outlineOpForKey(
  event: Pick<KeyboardEvent, 'key' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>,
): OutlineOp | null {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  switch (event.key) {
    case 'ArrowUp':
      return 'moveUp';
    case 'ArrowDown':
      return 'moveDown';
    case 'ArrowLeft':
      return 'promote';
    case 'ArrowRight':
      return 'demote';
    case 'Enter':
      return 'addAfter';
    case 'Delete':
      return 'delete';
    default:
      return null;
  }
}
