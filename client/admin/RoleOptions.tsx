// The <option>s of a role choice, labelled in the current language (the account form and the
// users table list the same roles).
import type { Role } from '../../shared/types';
import { useI18n } from '../i18n';

export function RoleOptions({ roles }: { roles: readonly Role[] }) {
  const { t } = useI18n();
  return (
    <>
      {roles.map((role) => (
        <option key={role} value={role}>
          {t(`role.${role}`)}
        </option>
      ))}
    </>
  );
}
