// The words for a reason code of shared/edit-denial.ts: whose section it is and whom to ask, or why
// nobody may change it now. Used by the notice shown when typing is refused and by the tooltips
// of disabled controls.
import type { EditDenial } from '../../../shared/edit-denial';
import type { Department } from '../../../shared/types';
import type { Translate } from '../../i18n';

export function denialText(
  t: Translate,
  denial: EditDenial,
  departments: ReadonlyMap<string, Department>,
): string {
  switch (denial.code) {
    case 'viewer':
      return t('rights.viewer');
    case 'locked':
      return t('rights.locked');
    case 'archived':
      return t('rights.archived');
    case 'secretaryOnly':
      return t('rights.secretaryOnly');
    case 'noDepartment':
      return t('rights.noDepartment');
    case 'otherDepartment':
      return t('rights.otherDepartment', { department: departments.get(denial.owner)?.name ?? denial.owner });
    case 'approved':
      return t(denial.approvedWith ? 'rights.approvedWithParent' : 'rights.approved');
  }
}
