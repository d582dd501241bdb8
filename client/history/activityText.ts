// The sentences of the activity timeline that are more than a label: what a refused change tried
// to do (from its `refusal`, or for entries logged before it existed, read from the guard's reason
// by shared/refusal.ts) and an owner change from whom to whom — sections by number and title, never
// by their internal ids.

import { refusalOf } from '../../shared/refusal';
import type { Department, Refusal } from '../../shared/types';
import type { Translate } from '../i18n';
import { type SectionLabel, sectionText } from './sections';

interface RefusedEntry {
  reason?: string;
  refusal?: Refusal;
}

interface CountedEntry {
  kind: string;
  count?: number;
}

interface OwnerEntry {
  sectionIds: string[];
  owner?: string | null;
  previousOwner?: string | null;
}

/** A section as the reader knows it, or a neutral word when it is no longer in the outline. */
function sectionName(t: Translate, sections: ReadonlyMap<string, SectionLabel>, id: string): string {
  const label = sections.get(id);
  return label ? sectionText(label, id) : t('history.section.gone');
}

/** What a refused change tried to do, in the reader's language. */
export function refusalText(
  t: Translate,
  entry: RefusedEntry,
  sections: ReadonlyMap<string, SectionLabel>,
): string {
  const refusal = entry.refusal ?? refusalOf(entry.reason ?? '');
  const section = refusal.sectionId === undefined ? null : sectionName(t, sections, refusal.sectionId);
  switch (refusal.code) {
    case 'edit':
      return section ? t('history.refused.editIn', { section }) : t('history.refused.editOutside');
    case 'newSection':
      return section ? t('history.refused.newSubsection', { section }) : t('history.refused.newSection');
    case 'deleteSection':
      return section
        ? t('history.refused.deleteSection', { section })
        : t('history.refused.deleteSomeSection');
    case 'attribute':
      return section ? t('history.refused.attribute', { section }) : t('history.refused.attributeOutside');
    case 'locked':
      return t('history.refused.locked');
    default:
      return t('history.refused.invalid');
  }
}

/** Who an owner attribute names: a department, the secretary (top level) or the parent's owner. */
function ownerName(
  t: Translate,
  owner: string | null,
  section: SectionLabel | undefined,
  departments: ReadonlyMap<string, Department>,
): string {
  if (owner !== null) return departments.get(owner)?.name ?? owner;
  return section && section.depth > 0 ? t('history.owner.inherit') : t('owner.secretary');
}

/** "Giao mục 2.1 … từ Phòng A sang Phòng B" (or "cho Phòng B" for entries without the previous owner). */
export function ownerChangeText(
  t: Translate,
  entry: OwnerEntry,
  sections: ReadonlyMap<string, SectionLabel>,
  departments: ReadonlyMap<string, Department>,
): string {
  const id = entry.sectionIds[0] ?? '';
  const label = sections.get(id);
  const section = sectionName(t, sections, id);
  const to = ownerName(t, entry.owner ?? null, label, departments);
  if (entry.previousOwner === undefined) return t('history.owner.assigned', { section, to });
  const from = ownerName(t, entry.previousOwner, label, departments);
  return t('history.owner.reassigned', { section, from, to });
}

/** "12 lần sửa" for an entry standing for several coalesced edits (or folded refusals); else null. */
export function countText(t: Translate, entry: CountedEntry): string | null {
  if (entry.count === undefined || entry.count < 2) return null;
  if (entry.kind === 'edit' || entry.kind === 'suggest') {
    return t('history.activity.editCount', { count: entry.count });
  }
  if (entry.kind === 'accept' || entry.kind === 'reject') {
    return t('history.activity.decisionCount', { count: entry.count });
  }
  if (entry.kind === 'refused') return t('history.activity.refusalCount', { count: entry.count });
  return null;
}
