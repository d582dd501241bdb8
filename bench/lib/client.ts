// A thin collaboration client for the load generator: a Y.Doc, an Awareness and one raw `ws`
// socket speaking either the y-websocket protocol (dongsoan, the reference server) or the
// Hocuspocus framing (the same sync/awareness messages prefixed with the document name, after an
// auth message). Hundreds of these share one process, so it does only what a provider must:
// sync step 1/2, updates, awareness — no reconnects, no timers.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

export type Framing = 'y-websocket' | 'hocuspocus';

export interface ClientTarget {
  url: string;
  framing: Framing;
  /** Document name inside Hocuspocus frames; ignored by y-websocket framing. */
  documentName: string;
}

const MSG_SYNC = 0;
const MSG_AWARENESS = 1;
const HP_AUTH = 2;
const HP_SYNC_REPLY = 4;
const HP_AUTH_TOKEN = 0;

export interface ClientCounters {
  msgsIn: number;
  bytesIn: number;
  msgsOut: number;
  bytesOut: number;
}

export class BenchClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly counters: ClientCounters = { msgsIn: 0, bytesIn: 0, msgsOut: 0, bytesOut: 0 };
  /** When false, remote document updates are counted but not applied (cheap receivers). */
  applyRemote = true;
  /** Called for every remote update frame that was not applied (applyRemote=false). */
  onSkippedUpdate: ((update: Uint8Array) => void) | null = null;
  closeCode: number | null = null;
  private ws: WebSocket | null = null;
  private syncedResolve: (() => void) | null = null;
  readonly synced: Promise<void>;
  private closedResolve: (() => void) | null = null;
  readonly closed: Promise<void>;

  constructor(private readonly target: ClientTarget) {
    this.synced = new Promise((resolve) => {
      this.syncedResolve = resolve;
    });
    this.closed = new Promise((resolve) => {
      this.closedResolve = resolve;
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.send(MSG_SYNC, (e) => syncProtocol.writeUpdate(e, update));
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      if (origin === this) return;
      const changed = added.concat(updated, removed);
      this.send(MSG_AWARENESS, (e) =>
        encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)),
      );
    });
  }

  /** Open the socket; resolves once it is open (sync continues in the background, see `synced`). */
  connect(timeoutMs = 15_000): Promise<void> {
    const ws = new WebSocket(this.target.url, { perMessageDeflate: false });
    ws.binaryType = 'nodebuffer';
    this.ws = ws;
    ws.on('message', (data: Buffer) => this.receive(data));
    ws.on('close', (code) => {
      this.closeCode = code;
      this.closedResolve?.();
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`connect timeout ${this.target.url}`)), timeoutMs);
      ws.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      ws.once('close', (code) => {
        clearTimeout(timer);
        reject(new Error(`closed before open (${code})`));
      });
      ws.once('open', () => {
        clearTimeout(timer);
        if (this.target.framing === 'hocuspocus') {
          this.send(HP_AUTH, (e) => {
            encoding.writeVarUint(e, HP_AUTH_TOKEN);
            encoding.writeVarString(e, '');
          });
        }
        this.send(MSG_SYNC, (e) => syncProtocol.writeSyncStep1(e, this.doc));
        if (this.awareness.getLocalState() !== null) {
          this.send(MSG_AWARENESS, (e) =>
            encoding.writeVarUint8Array(
              e,
              awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]),
            ),
          );
        }
        resolve();
      });
    });
  }

  get bufferedAmount(): number {
    return this.ws?.bufferedAmount ?? 0;
  }

  close(): Promise<void> {
    if (!this.ws || this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    this.ws.close();
    const timer = setTimeout(() => this.ws?.terminate(), 2000);
    return this.closed.then(() => clearTimeout(timer));
  }

  destroy(): void {
    this.ws?.terminate();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private send(type: number, write: (encoder: encoding.Encoder) => void): void {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    if (this.target.framing === 'hocuspocus') encoding.writeVarString(encoder, this.target.documentName);
    encoding.writeVarUint(encoder, type);
    write(encoder);
    const frame = encoding.toUint8Array(encoder);
    this.counters.msgsOut++;
    this.counters.bytesOut += frame.length;
    ws.send(frame);
  }

  private receive(data: Buffer): void {
    this.counters.msgsIn++;
    this.counters.bytesIn += data.length;
    const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.length));
    if (this.target.framing === 'hocuspocus') decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === MSG_SYNC || (this.target.framing === 'hocuspocus' && type === HP_SYNC_REPLY)) {
      this.receiveSync(decoder);
    } else if (type === MSG_AWARENESS) {
      const update = decoding.readVarUint8Array(decoder);
      if (this.applyRemote) awarenessProtocol.applyAwarenessUpdate(this.awareness, update, this);
    }
    // Anything else (Hocuspocus auth replies, sync status acks, query-awareness) needs no answer.
  }

  private receiveSync(decoder: decoding.Decoder): void {
    const subtype = decoding.readVarUint(decoder);
    switch (subtype) {
      case syncProtocol.messageYjsSyncStep1: {
        const stateVector = decoding.readVarUint8Array(decoder);
        this.send(MSG_SYNC, (e) => syncProtocol.writeSyncStep2(e, this.doc, stateVector));
        break;
      }
      case syncProtocol.messageYjsSyncStep2:
        Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), this);
        this.syncedResolve?.();
        this.syncedResolve = null;
        break;
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder);
        if (this.applyRemote) Y.applyUpdate(this.doc, update, this);
        else this.onSkippedUpdate?.(update);
        break;
      }
    }
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** Resolve when `predicate(doc)` holds, re-checking after each update; reject after `timeoutMs`. */
export function waitForDoc(doc: Y.Doc, predicate: (doc: Y.Doc) => boolean, timeoutMs: number): Promise<void> {
  if (predicate(doc)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onUpdate = () => {
      if (!predicate(doc)) return;
      clearTimeout(timer);
      doc.off('update', onUpdate);
      resolve();
    };
    const timer = setTimeout(() => {
      doc.off('update', onUpdate);
      reject(new Error(`document condition not met within ${timeoutMs} ms`));
    }, timeoutMs);
    doc.on('update', onUpdate);
  });
}
