// GET /collab/:reportId?token=… — the y-websocket endpoint. The token, the report and the caps on
// open sockets are checked before the socket does anything; a refusal is still an accepted socket
// closed with a code (4401, 4404, 4429), because browsers hide the HTTP status of a failed upgrade
// from scripts. (A foreign Origin is refused before, with 403: http/origins.ts.)
import type { UpgradeWebSocket, WSContext } from 'hono/ws';
import type { WebSocket } from 'ws';
import { CloseCode } from '../../shared/protocol';
import { hashToken, publicUser, tokenExpiresAt, userForToken } from '../auth/tokens';
import type { Logger } from '../log';
import type { CollabMetrics } from '../ops/metrics';
import { isValidReportId } from '../store/ids';
import type { MetaStore } from '../store/meta-store';
import { Connection } from './connection';
import { receiveFrame } from './message-receiver';
import { RefusalLimiter } from './refusal-limiter';
import { Refused } from './refused';
import type { Room } from './room';
import type { RoomManager } from './rooms';
import type { SocketCounter } from './socket-limits';

export interface SocketRouteDeps {
  meta: MetaStore;
  rooms: RoomManager;
  logger: Logger;
  pingIntervalMs: number;
  sockets: SocketCounter;
  /** Refusals by close code (GET /metrics). */
  metrics: CollabMetrics;
}

/** Frames that arrive while the room is still loading wait here (bounded). */
const MAX_QUEUED_FRAMES = 256;

type NodeUpgradeWebSocket = UpgradeWebSocket<WebSocket, { onError: (error: unknown) => void }>;

export function collabSocket(upgradeWebSocket: NodeUpgradeWebSocket, deps: SocketRouteDeps) {
  // Shared by all sockets: the closes of one user's successive sockets count together.
  const closeLog = new RefusalLimiter();
  return upgradeWebSocket(
    (c) => {
      const reportId = c.req.param('reportId') ?? '';
      const token = c.req.query('token');
      const storedUser = userForToken(deps.meta, token);
      const refusal: Refused | null = !storedUser
        ? new Refused(CloseCode.Unauthenticated, 'missing or invalid token')
        : !isValidReportId(reportId) || !deps.meta.data.reports.some((report) => report.id === reportId)
          ? new Refused(CloseCode.UnknownReport, 'unknown report')
          : null;

      let connection: Connection | null = null;
      let room: Room | null = null;
      let queue: (ArrayBuffer | string)[] = [];

      /** Where a refused frame becomes a closed socket, whoever refused it (refused.ts). */
      const closeRefused = (conn: Connection, refused: Refused) => {
        deps.metrics.refused(refused.code);
        // A guard refusal is already logged by the room, with its reason; the rest at most once
        // a minute per user and code (a client refused on each connection opens many sockets).
        if (refused.code !== CloseCode.Forbidden) {
          const verdict = closeLog.judge(`${conn.user.id}:${refused.code}`, Date.now());
          if (verdict.record) {
            const folded = verdict.count > 1 ? ` (${verdict.count} such closes since the last entry)` : '';
            deps.logger.warn(
              `collab: closing ${conn.user.username}'s socket (${refused.code} ${refused.message})${folded}`,
              { event: 'refusal', code: refused.code, user: conn.user.username, reportId },
            );
          }
        }
        conn.close(refused.code, refused.message);
      };

      const deliver = (data: ArrayBuffer | string) => {
        if (!connection || !room) return;
        try {
          receiveFrame(data, connection, room);
        } catch (error) {
          if (error instanceof Refused) {
            closeRefused(connection, error);
          } else {
            deps.logger.error('collab: unexpected failure handling a frame', error);
            connection.close(CloseCode.InternalError, 'internal error');
          }
        }
      };

      return {
        onOpen(_event: Event, ws: WSContext<WebSocket>) {
          const socket = ws.raw;
          if (!socket) return;
          if (refusal || !storedUser) {
            const code = refusal?.code ?? CloseCode.Unauthenticated;
            deps.metrics.refused(code);
            socket.close(code, refusal?.message);
            return;
          }
          const admission = deps.sockets.admit(storedUser.id, reportId);
          if (!admission.ok) {
            deps.metrics.refused(admission.code);
            if (closeLog.judge(`${storedUser.id}:${admission.code}`, Date.now()).record) {
              deps.logger.warn(`collab: refused a socket of ${storedUser.username} (${admission.reason})`, {
                event: 'refusal',
                code: admission.code,
                user: storedUser.username,
                reportId,
              });
            }
            socket.close(admission.code, admission.reason);
            return;
          }
          const conn = new Connection(socket, publicUser(storedUser), reportId, {
            pingIntervalMs: deps.pingIntervalMs,
            logger: deps.logger,
            tokenHash: hashToken(token ?? ''),
            expiresAt: tokenExpiresAt(deps.meta, token) ?? 0,
          });
          conn.onClose(admission.release);
          connection = conn;
          deps.rooms.acquire(reportId).then(
            (loaded) => {
              if (!conn.isOpen) {
                deps.rooms.release(loaded);
                return;
              }
              room = loaded;
              loaded.join(conn);
              conn.onClose(() => {
                loaded.leave(conn);
                deps.rooms.release(loaded);
              });
              const pending = queue;
              queue = [];
              for (const data of pending) deliver(data);
            },
            (error) => {
              deps.logger.error(`collab: could not open report ${reportId}`, { reportId }, error);
              conn.close(CloseCode.InternalError, 'report could not be opened');
            },
          );
        },
        onMessage(event: MessageEvent, _ws: WSContext<WebSocket>) {
          const data = event.data as ArrayBuffer | string;
          if (room) {
            deliver(data);
          } else if (connection?.isOpen) {
            if (queue.length >= MAX_QUEUED_FRAMES)
              closeRefused(connection, new Refused(CloseCode.TooLarge, 'too many frames while loading'));
            else queue.push(data);
          }
        },
        onError(_event: Event) {
          // ws reports protocol errors (bad frames, oversized frames) here and closes the socket itself.
        },
      };
    },
    {
      // @hono/node-ws builds an ErrorEvent for ws errors, which Node 20 lacks; the resulting
      // ReferenceError lands here. The socket is already being closed with the right code.
      onError: (error: unknown) => {
        if (!(error instanceof ReferenceError)) deps.logger.warn('collab: socket error', error);
      },
    },
  );
}
