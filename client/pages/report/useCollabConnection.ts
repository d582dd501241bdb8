// The report's collaboration session and what each deliberate close from the server means for the
// page: 4401 logs out, 4404 shows "not found", and a refused (4403), too large (4413) or malformed
// (4400) update starts a fresh doc while the refused local state is kept for recovery; too many
// sockets (4429) connects the same doc again. Every refusal waits first (refusalBackoff.ts), so a
// client the server refuses each time cannot reconnect in a loop.
import { useCallback, useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/protocol';
import type { PendingRecovery } from '../../editor/recovery/editRecovery';
import { type CollabSession, type CollabState, useCollabSession } from '../../editor/sync/collabSession';
import type { Translate } from '../../i18n';
import { setSession } from '../../session';
import { requestReportRefresh } from '../../workflow';
import { RefusalBackoff } from './refusalBackoff';

export interface CollabConnection {
  collab: CollabSession | null;
  state: CollabState;
  /** Counts fresh docs: the editor is keyed on it so a new session mounts a new editor. */
  generation: number;
  /** The server closed with 4404: the report does not exist (any more). */
  notFound: boolean;
  /** The local state at a refused update, until the fresh session has taken back what it may. */
  pendingRecovery: PendingRecovery | null;
  /** The recovery is done: forget the refused state and return to where the user was reading. */
  recovered: () => void;
}

export function useCollabConnection(options: {
  reportId: string;
  token: string;
  t: Translate;
  /** Shows a notice to the user (a refused or too large edit); must keep its identity (a state setter). */
  onNotice: (text: string) => void;
}): CollabConnection {
  const { reportId, token, t, onNotice } = options;
  const [generation, setGeneration] = useState(0);
  const [notFound, setNotFound] = useState(false);
  const { session: collab, state } = useCollabSession(reportId, token, generation);
  const [pendingRecovery, setPendingRecovery] = useState<PendingRecovery | null>(null);
  const collabRef = useRef(collab);
  collabRef.current = collab;
  // Where the user was reading: the fresh editor is mounted from scratch and would lose it.
  const scrollAtRefusal = useRef<number | null>(null);

  // Refusals in a row, across fresh docs: the wait grows until a connection stays unrefused.
  const backoff = useRef<RefusalBackoff | null>(null);
  backoff.current ??= new RefusalBackoff(() => Date.now());
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The current close was handled (the effect below also re-runs on a language switch).
  const closeHandled = useRef(false);

  useEffect(() => {
    if (state.status === 'connected') backoff.current?.connected();
  }, [state.status]);

  useEffect(
    () => () => {
      if (retryTimer.current !== null) clearTimeout(retryTimer.current);
    },
    [],
  );

  // Deliberate closes from the server.
  useEffect(() => {
    if (state.closedWith === null) {
      closeHandled.current = false;
      return;
    }
    if (closeHandled.current) return;
    closeHandled.current = true;
    switch (state.closedWith) {
      case CloseCode.Unauthenticated:
        setSession(null);
        return;
      case CloseCode.UnknownReport:
        setNotFound(true);
        return;
      case CloseCode.TooMany: {
        // Too many sockets (other tabs) or presence too fast: nothing in the doc was refused, so
        // the same doc connects again — never at once, the other sockets must close first.
        const wait = backoff.current?.refused(CloseCode.TooMany) ?? 0;
        onNotice(t('report.tooMany', { seconds: Math.ceil(wait / 1000) }));
        const session = collabRef.current;
        retryTimer.current = setTimeout(() => {
          retryTimer.current = null;
          if (collabRef.current === session) session?.provider.connect();
        }, wait);
        return;
      }
      default: {
        // Refused edit (4403), too large (4413), malformed (4400): start again from the server's
        // state with a fresh doc so the refused change is not offered again on reconnect — but
        // keep the local state, so the user's other unsent changes are put back or reported
        // (useEditRecovery) instead of vanishing with it. After a wait: a client refused on
        // every connection must not hammer the server.
        const wait = backoff.current?.refused(state.closedWith) ?? 0;
        scrollAtRefusal.current ??= window.scrollY;
        onNotice(
          `${state.closedWith === CloseCode.TooLarge ? t('report.tooLarge') : t('report.editRefused')} ${t(
            'report.retryIn',
            { seconds: Math.ceil(wait / 1000) },
          )}`,
        );
        // A refusal often means the report was just locked or a section approved: re-read now.
        requestReportRefresh(reportId);
        const session = collabRef.current;
        retryTimer.current = setTimeout(() => {
          retryTimer.current = null;
          if (collabRef.current !== session) return;
          // Taken now, not at the refusal: what the user typed while waiting is kept too.
          const refusedDoc = session?.doc;
          if (refusedDoc) {
            const refused = Y.encodeStateAsUpdate(refusedDoc);
            setPendingRecovery((previous) => ({
              state: previous ? Y.mergeUpdates([previous.state, refused]) : refused,
              from: refusedDoc,
              at: Date.now(),
            }));
          }
          setGeneration((g) => g + 1);
        }, wait);
      }
    }
  }, [state.closedWith, t, reportId, onNotice]);

  const recovered = useCallback(() => {
    setPendingRecovery(null);
    if (scrollAtRefusal.current !== null) {
      window.scrollTo({ top: scrollAtRefusal.current });
      scrollAtRefusal.current = null;
    }
  }, []);

  return { collab, state, generation, notFound, pendingRecovery, recovered };
}
