// The short message shown near the caret when an edit is refused in the browser (readOnlyGuard.ts):
// one element per editor, placed under the caret, gone after a few seconds. Rate-limited so that
// holding a key down or typing a word does not flash it on every keystroke.
import type { EditorView } from '@tiptap/pm/view';
import './editNotice.css';

/** How long a notice stays, and how long the same notice is not shown again. */
export const NOTICE_MS = 4000;
export const REPEAT_GAP_MS = 2500;

/** Decides whether a notice is shown again: a new text at once, the same one after a gap. */
export class NoticeThrottle {
  private last: { text: string; at: number } | null = null;

  constructor(private readonly gapMs = REPEAT_GAP_MS) {}

  shouldShow(text: string, now: number): boolean {
    if (this.last && this.last.text === text && now - this.last.at < this.gapMs) return false;
    this.last = { text, at: now };
    return true;
  }
}

/** A button in the notice: what the user can do instead (e.g. switch to suggesting mode). */
export interface NoticeAction {
  label: string;
  run: () => void;
}

export class EditNotice {
  private element: HTMLElement | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly throttle = new NoticeThrottle();

  constructor(private readonly view: EditorView) {}

  show(text: string, action?: NoticeAction): void {
    if (!this.throttle.shouldShow(text, Date.now())) return;
    const element = this.element ?? this.create();
    element.textContent = text;
    if (action) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'edit-notice-action';
      button.setAttribute('data-notice-action', '');
      button.textContent = action.label;
      // Keep the editor's selection: the action acts where the caret is.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => {
        this.hide();
        action.run();
      });
      element.append(' ', button);
    }
    const { head } = this.view.state.selection;
    let left = 16;
    let top = 16;
    try {
      const caret = this.view.coordsAtPos(head);
      left = caret.left;
      top = caret.bottom + 6;
    } catch {
      // No layout (the position is not rendered): keep the corner.
    }
    const width = Math.min(360, window.innerWidth - 16);
    element.style.maxWidth = `${width}px`;
    element.style.left = `${Math.max(8, Math.min(left, window.innerWidth - width - 8))}px`;
    element.style.top = `${Math.min(top, window.innerHeight - 80)}px`;
    element.hidden = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.hide(), NOTICE_MS);
  }

  hide(): void {
    if (this.element) this.element.hidden = true;
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.element?.remove();
    this.element = null;
  }

  private create(): HTMLElement {
    const element = document.createElement('div');
    element.className = 'edit-denied-notice';
    element.setAttribute('role', 'status');
    element.setAttribute('aria-live', 'polite');
    element.setAttribute('data-edit-denied', '');
    element.hidden = true;
    element.addEventListener('click', () => this.hide());
    document.body.appendChild(element);
    this.element = element;
    return element;
  }
}
