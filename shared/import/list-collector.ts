// Consecutive list paragraphs of a word-processor document gathered into one bullet or ordered list,
// deeper levels nested in the item before them.
import type { JSONContent } from '@tiptap/core';

interface Item {
  level: number;
  ordered: boolean;
  content: JSONContent[];
}

export class ListCollector {
  private items: Item[] = [];

  constructor(private readonly emit: (list: JSONContent) => void) {}

  add(level: number, ordered: boolean, content: JSONContent[]): void {
    const first = this.items[0];
    // A new list at the outer level (bullets after numbers) starts a new list.
    if (first && level <= first.level && ordered !== first.ordered) this.flush();
    this.items.push({ level, ordered, content });
  }

  flush(): void {
    if (this.items.length === 0) return;
    const items = this.items;
    this.items = [];
    const base = Math.min(...items.map((i) => i.level));
    this.emit(buildList(items, 0, items.length, base));
  }
}

/** The list of `items[from, to)` whose outer level is `level`. */
function buildList(items: Item[], from: number, to: number, level: number): JSONContent {
  const listItems: JSONContent[] = [];
  let i = from;
  while (i < to) {
    const item = items[i];
    let end = i + 1;
    while (end < to && items[end].level > Math.max(item.level, level)) end++;
    const paragraph: JSONContent = item.content.length
      ? { type: 'paragraph', content: item.content }
      : { type: 'paragraph' };
    const content: JSONContent[] = [paragraph];
    if (end > i + 1) content.push(buildList(items, i + 1, end, items[i + 1].level));
    listItems.push({ type: 'listItem', content });
    i = end;
  }
  return { type: items[from].ordered ? 'orderedList' : 'bulletList', content: listItems };
}
