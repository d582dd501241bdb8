// Randomized: rounds of concurrent random edits by random users (secretary, editors of three
// departments, a viewer) through stock clients on the demo report. Every edit is predicted with
// shared/permissions; the server must refuse exactly the forbidden ones (4403, client replaced),
// every section must end up holding only text from users allowed to write there, and all clients
// must converge to the server's state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canEditInChain, type SectionLink } from '../../shared/permissions';
import { CloseCode } from '../../shared/protocol';
import type { User } from '../../shared/types';
import { connectClient, type TestClient } from '../helpers/collab';
import { login, type Session } from '../helpers/http';
import { demoReport } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const ACTORS = ['secretary', 'baochi', 'buuchinh', 'cntt', 'lanhdao'];
const ROUNDS = 8;
const TAG = /⟦([a-z]+)#\d+⟧/g;

let server: TestServer;
let reportId: string;
const sessions: Record<string, Session> = {};
const everyClient: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  for (const username of ACTORS) sessions[username] = await login(server.url, username);
  reportId = (await demoReport(server.url, sessions.secretary.token)).id;
});

afterAll(async () => {
  for (const client of everyClient) client.destroy();
  await server?.close();
});

/** A client plus the close code the server sent it (set synchronously from the provider event). */
interface Actor {
  user: User;
  client: TestClient;
  closedWith: number | null;
}

async function connectActor(username: string): Promise<Actor> {
  const client = connectClient(server.wsUrl, reportId, sessions[username].token);
  everyClient.push(client);
  const actor: Actor = { user: sessions[username].user, client, closedWith: null };
  client.provider.on('connection-close', (event: { code: number } | null) => {
    if (event) actor.closedWith = event.code;
  });
  await client.synced;
  return actor;
}

// --- reading the document -----------------------------------------------------------------------

interface Place {
  /** null = the report header (top level). */
  sectionId: string | null;
  chain: SectionLink[];
  texts: Y.XmlText[];
  /** The place's own content (nested sections excluded) as XML. */
  xml: string;
}

function places(doc: Y.Doc): Place[] {
  const found: Place[] = [];
  const body = doc.getXmlFragment('default');
  const header = body
    .toArray()
    .find((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === 'reportHeader');
  if (header) {
    const texts = header.toArray().filter((c): c is Y.XmlText => c instanceof Y.XmlText);
    found.push({ sectionId: null, chain: [], texts, xml: header.toString() });
  }
  const visit = (parent: Y.XmlFragment | Y.XmlElement, outer: SectionLink[]) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement) || child.nodeName !== 'section') continue;
      const id = String(child.getAttribute('id'));
      const chain = [
        { id, owner: (child.getAttribute('owner') as string | undefined) ?? null, status: 'draft' as const },
        ...outer,
      ];
      const own = child.toArray().filter((c) => !(c instanceof Y.XmlElement && c.nodeName === 'section'));
      const texts: Y.XmlText[] = [];
      for (const block of own) {
        if (
          block instanceof Y.XmlElement &&
          (block.nodeName === 'paragraph' || block.nodeName === 'sectionTitle')
        ) {
          texts.push(...block.toArray().filter((c): c is Y.XmlText => c instanceof Y.XmlText));
        }
      }
      found.push({ sectionId: id, chain, texts, xml: own.map((c) => c.toString()).join('') });
      visit(child, chain);
    }
  };
  visit(body, []);
  return found;
}

/** Plain text of an XmlText, one character per index (embeds as U+FFFC). */
function plain(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : '\uFFFC'))
    .join('');
}

function tagSpans(value: string): { start: number; end: number; user: string }[] {
  return [...value.matchAll(TAG)].map((m) => ({ start: m.index, end: m.index + m[0].length, user: m[1] }));
}

// --- random edits ---------------------------------------------------------------------------------

function rng(seed: number) {
  let state = seed >>> 0 || 1;
  return (n: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
}

type Outcome = 'allowed' | 'refused' | 'none';

/** Make one random edit in `actor`'s doc; returns what the rules predict for it. */
function randomEdit(actor: Actor, random: (n: number) => number, serial: number): Outcome {
  let candidates = places(actor.client.doc).filter((p) => p.texts.length > 0);
  // Half of the time an editor works where they may (otherwise most edits would be forbidden ones).
  const permitted = candidates.filter((p) => canEditInChain(actor.user, p.chain, false));
  if (actor.user.role === 'editor' && permitted.length > 0 && random(2) === 0) candidates = permitted;
  const place = candidates[random(candidates.length)];
  const text = place.texts[random(place.texts.length)];
  const value = plain(text);
  const spans = tagSpans(value);
  const predicted = canEditInChain(actor.user, place.chain, false) ? 'allowed' : 'refused';
  // The secretary only adds (so sections nobody else may touch must keep their original text).
  if (actor.user.role === 'secretary' || random(10) < 7) {
    const free = [...Array(value.length + 1).keys()].filter(
      (at) => !spans.some((s) => s.start < at && at < s.end),
    );
    text.insert(free[random(free.length)], `⟦${actor.user.username}#${serial}⟧`);
    return predicted;
  }
  if (spans.length > 0) {
    const span = spans[random(spans.length)];
    text.delete(span.start, span.end - span.start);
    return predicted;
  }
  if (value.length === 0) return 'none';
  text.delete(random(value.length), 1);
  return predicted;
}

/** Same structs and same deletions (a refused deletion leaves the state vector unchanged). */
function sameState(a: Y.Doc, b: Y.Doc): boolean {
  const va = Y.encodeStateVector(a);
  const vb = Y.encodeStateVector(b);
  if (va.length !== vb.length || va.some((byte, i) => byte !== vb[i])) return false;
  return Y.equalDeleteSets(
    Y.createDeleteSetFromStructStore(a.store),
    Y.createDeleteSetFromStructStore(b.store),
  );
}

/** Wait until every actor is either closed by the server or in the observer's state. */
function settled(actors: Actor[], observer: TestClient, what: string): Promise<void> {
  return waitFor(
    () => actors.every((a) => a.closedWith !== null || sameState(a.client.doc, observer.doc)),
    (onEvent) => {
      const docs = [observer.doc, ...actors.map((a) => a.client.doc)];
      const providers = actors.map((a) => a.client.provider);
      for (const doc of docs) doc.on('update', onEvent);
      for (const provider of providers) provider.on('connection-close', onEvent);
      return () => {
        for (const doc of docs) doc.off('update', onEvent);
        for (const provider of providers) provider.off('connection-close', onEvent);
      };
    },
    { timeoutMs: 20_000, what },
  );
}

describe('guard under random concurrent edits', () => {
  it('refuses exactly the forbidden edits; sections hold only permitted text; clients converge', async () => {
    const seed = Number(process.env.GUARD_RANDOM_SEED ?? Date.now() % 1_000_000);
    const random = rng(seed);
    const observer = (await connectActor('lanhdao')).client;
    const initial = new Map(places(observer.doc).map((p) => [p.sectionId, p.xml]));
    const actors = await Promise.all(ACTORS.map(connectActor));
    let serial = 0;
    const tally = { allowed: 0, refused: 0 };

    for (let round = 0; round < ROUNDS; round++) {
      // Everyone edits at once: the updates race to the server.
      const predictions = actors.map((actor) => randomEdit(actor, random, serial++));
      await settled(actors, observer, `round ${round} to settle (seed ${seed})`);
      for (const [i, actor] of actors.entries()) {
        const context = `seed ${seed}, round ${round}, ${actor.user.username}`;
        if (predictions[i] === 'refused') {
          expect(actor.closedWith, context).toBe(CloseCode.Forbidden);
          tally.refused++;
        } else {
          expect(actor.closedWith, context).toBeNull();
          if (predictions[i] === 'allowed') tally.allowed++;
        }
        if (actor.closedWith !== null) {
          actor.client.destroy();
          actors[i] = await connectActor(actor.user.username);
        }
      }
    }

    // Convergence: every client, and a fresh one, holds the server's state.
    const fresh = await connectActor('lanhdao');
    await settled([...actors, fresh], observer, `final convergence (seed ${seed})`);
    const finalXml = observer.doc.getXmlFragment('default').toString();
    for (const actor of [...actors, fresh]) {
      expect(actor.client.doc.getXmlFragment('default').toString()).toBe(finalXml);
    }

    // Content: each place holds only tags of users allowed to write there.
    const byUsername = new Map(ACTORS.map((u) => [u, sessions[u].user]));
    let tags = 0;
    for (const place of places(observer.doc)) {
      for (const span of tagSpans(place.xml)) {
        tags++;
        const author = byUsername.get(span.user)!;
        expect(
          canEditInChain(author, place.chain, false),
          `${span.user} in ${place.sectionId} (seed ${seed})`,
        ).toBe(true);
      }
      // Where no random editor may write, only the secretary added text and nothing was removed.
      const editorsMayWrite = ['baochi', 'buuchinh', 'cntt'].some((u) =>
        canEditInChain(byUsername.get(u)!, place.chain, false),
      );
      if (!editorsMayWrite) expect(place.xml.replace(TAG, '')).toBe(initial.get(place.sectionId));
    }
    console.info(
      `guard-random seed ${seed}: ${tally.allowed} allowed, ${tally.refused} refused, ${tags} tags`,
    );
    expect(tally.refused, `seed ${seed}`).toBeGreaterThan(0);
    expect(tally.allowed, `seed ${seed}`).toBeGreaterThan(0);
    expect(tags).toBeGreaterThan(0);
  });
});
