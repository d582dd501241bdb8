// After a refused update: puts the user's other unsent changes back into the fresh session
// (useEditRecovery) and keeps the list of what could not be put back, so its text can be copied.
import type { Editor } from '@tiptap/core';
import { useCallback, useState } from 'react';
import type { User } from '../../../shared/types';
import { type RecoveryOutcome, useEditRecovery } from '../../editor/recovery/editRecovery';
import type { Translate } from '../../i18n';
import type { CollabConnection } from './useCollabConnection';

export interface RefusalRecovery {
  /** What the last recoveries could not put back (shown by RefusedChanges), or null. */
  recovery: RecoveryOutcome | null;
  dismiss: () => void;
}

export function useRefusalRecovery(options: {
  reportId: string;
  user: User;
  connection: CollabConnection;
  editor: Editor | null;
  t: Translate;
  /** Shows or clears the page's notice; must keep its identity (a state setter). */
  onNotice: (text: string | null) => void;
}): RefusalRecovery {
  const { reportId, user, connection, editor, t, onNotice } = options;
  const { recovered } = connection;
  const [recovery, setRecovery] = useState<RecoveryOutcome | null>(null);

  const onRecovered = useCallback(
    (outcome: RecoveryOutcome) => {
      recovered();
      if (outcome.refused.length > 0) {
        // A second refusal adds to what is shown: the earlier text must stay there to copy.
        setRecovery((previous) => {
          if (!previous) return outcome;
          const fresh = new Set(outcome.refused.map((change) => `${change.kind}:${change.sectionId}`));
          return {
            reapplied: previous.reapplied + outcome.reapplied,
            refused: [
              ...previous.refused.filter((change) => !fresh.has(`${change.kind}:${change.sectionId}`)),
              ...outcome.refused,
            ],
            again: previous.again || outcome.again,
          };
        });
        onNotice(null);
      } else if (outcome.reapplied > 0) {
        onNotice(t('recovery.reapplied'));
      }
    },
    [t, recovered, onNotice],
  );
  useEditRecovery({
    reportId,
    user,
    pending: connection.pendingRecovery,
    doc: connection.collab?.doc ?? null,
    synced: connection.state.synced,
    editor,
    onDone: onRecovered,
  });

  const dismiss = useCallback(() => setRecovery(null), []);
  return { recovery, dismiss };
}
