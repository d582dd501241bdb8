// Randomized: rounds of concurrent random edits by random users (secretary, editors of four
// departments, a viewer) through stock clients on the demo report, with random workflow changes
// through the REST API between rounds (submit, approve, return, reopen; lock and unlock). Every
// edit is predicted by a rule table written out in this test — not shared/permissions.ts, which the
// guard itself calls: the server must refuse exactly the forbidden ones (4403, client replaced);
// every tag in the final document was predicted allowed where it stands; places no editor could
// ever write keep their text; and all clients converge to the server's state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import type { SectionStatus, User } from '../../shared/types';
import { connectClient, type TestClient } from '../helpers/collab';
import { apiRequest, login, type Session } from '../helpers/http';
import { demoReport, flattenSections } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const ACTORS = ['secretary', 'baochi', 'buuchinh', 'cntt', 'thanhtra', 'lanhdao'];
const ROUNDS = 12;
const EDITORS = ['baochi', 'buuchinh', 'cntt', 'thanhtra'];
const TAG = /⟦([a-z]+)#\d+⟧/g;

let server: TestServer;
let reportId: string;
/** Workflow state as set through the API (the test's own record, checked against the answers). */
const world = { locked: false, status: new Map<string, SectionStatus>() };
const sessions: Record<string, Session> = {};
const everyClient: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  for (const username of ACTORS) sessions[username] = await login(server.url, username);
  const report = await demoReport(server.url, sessions.secretary.token);
  reportId = report.id;
  for (const section of flattenSections(report.sections)) world.status.set(section.id, section.status);
  world.locked = report.locked;
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
  /** Ids of the enclosing sections, innermost first. */
  ancestry: string[];
  /** Their stored `owner` attributes, same order (null = inherits). */
  owners: (string | null)[];
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
    found.push({ sectionId: null, ancestry: [], owners: [], texts, xml: header.toString() });
  }
  const visit = (parent: Y.XmlFragment | Y.XmlElement, ancestry: string[], owners: (string | null)[]) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement) || child.nodeName !== 'section') continue;
      const id = String(child.getAttribute('id'));
      const innerAncestry = [id, ...ancestry];
      const innerOwners = [(child.getAttribute('owner') as string | undefined) || null, ...owners];
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
      found.push({
        sectionId: id,
        ancestry: innerAncestry,
        owners: innerOwners,
        texts,
        xml: own.map((c) => c.toString()).join(''),
      });
      visit(child, innerAncestry, innerOwners);
    }
  };
  visit(body, [], []);
  return found;
}

/** The place's own stored owner, else the nearest enclosing section's (null: none at all). */
function effectiveOwner(place: Place): string | null {
  return place.owners.find((owner) => owner !== null) ?? null;
}

/**
 * The rule table, on its own terms: nobody edits a locked report; the secretary edits everything;
 * an editor edits a section whose effective owner (its own owner, else the nearest enclosing
 * section's) is their department, unless it or an enclosing section is approved — never the
 * header; a viewer edits nothing.
 */
function mayEdit(user: User, place: Place): boolean {
  if (world.locked) return false;
  switch (user.role) {
    case 'secretary':
      return true;
    case 'editor': {
      if (place.sectionId === null) return false;
      const owner = effectiveOwner(place);
      if (owner === null || owner !== user.departmentId) return false;
      return place.ancestry.every((id) => world.status.get(id) !== 'approved');
    }
    default:
      return false;
  }
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

/** Each tag typed: where, and whether the rules allowed it then. */
type Written = Map<string, { sectionId: string | null; predicted: Outcome }>;

/** Make one random edit in `actor`'s doc; returns what the rules predict for it. */
function randomEdit(actor: Actor, random: (n: number) => number, serial: number, written: Written): Outcome {
  let candidates = places(actor.client.doc).filter((p) => p.texts.length > 0);
  // Most of the time an editor works in their department's sections, whatever their status: where
  // approvals and the lock decide (otherwise nearly every edit would be a plainly foreign one).
  const own = candidates.filter((p) => effectiveOwner(p) === actor.user.departmentId);
  if (actor.user.role === 'editor' && own.length > 0 && random(4) > 0) candidates = own;
  const place = candidates[random(candidates.length)];
  const text = place.texts[random(place.texts.length)];
  const value = plain(text);
  const spans = tagSpans(value);
  const predicted = mayEdit(actor.user, place) ? 'allowed' : 'refused';
  // The secretary only adds (so sections nobody else may touch must keep their original text).
  if (actor.user.role === 'secretary' || random(10) < 7) {
    const free = [...Array(value.length + 1).keys()].filter(
      (at) => !spans.some((s) => s.start < at && at < s.end),
    );
    const tag = `⟦${actor.user.username}#${serial}⟧`;
    text.insert(free[random(free.length)], tag);
    written.set(tag, { sectionId: place.sectionId, predicted });
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

/**
 * One random workflow change through the REST API, as the secretary or an editor would make it;
 * the answer is checked against the same rule table's REST side, and `world` follows it.
 */
async function workflowStep(
  random: (n: number) => number,
  sectionIds: string[],
  doc: Y.Doc,
): Promise<string> {
  const pick = random(10);
  if (pick < 1) {
    const action = world.locked ? 'unlock' : 'lock';
    const response = await apiRequest(server.url, 'POST', `/api/reports/${reportId}/${action}`, {
      token: sessions.secretary.token,
      body: action === 'unlock' ? { reason: 'random round' } : undefined,
    });
    expect(response.status, `${action}: ${response.text}`).toBe(200);
    world.locked = action === 'lock';
    return action;
  }
  let username = 'secretary';
  let status: SectionStatus = (['approved', 'approved', 'returned', 'draft'] as const)[random(4)];
  // Mostly sections that decide what an editor may do: theirs and those enclosing theirs.
  const departments = new Set(EDITORS.map((u) => sessions[u].user.departmentId));
  const decisive = new Set(
    places(doc)
      .filter((p) => departments.has(effectiveOwner(p)))
      .flatMap((p) => p.ancestry),
  );
  let candidates = random(4) > 0 ? [...decisive] : sectionIds;
  if (pick < 4) {
    // An editor submits one of their department's sections.
    username = EDITORS[random(EDITORS.length)];
    const user = sessions[username].user;
    status = 'submitted';
    candidates = places(doc)
      .filter((p) => p.sectionId !== null && effectiveOwner(p) === user.departmentId)
      .map((p) => p.sectionId as string);
    if (candidates.length === 0) return `${username}: nothing to submit`;
  }
  const sectionId = candidates[random(candidates.length)];
  const response = await apiRequest(server.url, 'PATCH', `/api/reports/${reportId}/sections/${sectionId}`, {
    token: sessions[username].token,
    body: status === 'returned' ? { status, comment: 'Xin bổ sung số liệu.' } : { status },
  });
  // Approval covers the sub-sections (shared/permissions.ts effectiveStatus): their status is the
  // approved ancestor's to change. An editor's refusals come before the rest (shared/workflow.ts).
  const ancestors =
    places(doc)
      .find((p) => p.sectionId === sectionId)
      ?.ancestry.slice(1) ?? [];
  const inherited = ancestors.some((id) => world.status.get(id) === 'approved');
  const approved = inherited || world.status.get(sectionId) === 'approved';
  const refusedToEditor = username !== 'secretary' && approved;
  const expected = refusedToEditor ? 403 : inherited || world.locked ? 409 : 200;
  expect(response.status, `${username} sets ${sectionId} ${status}: ${response.text}`).toBe(expected);
  if (expected === 200) world.status.set(sectionId, status);
  return `${username} sets ${sectionId} ${status} (${response.status})`;
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
    const written: Written = new Map();
    const sectionIds = places(observer.doc).flatMap((p) => (p.sectionId === null ? [] : [p.sectionId]));
    /** Places some editor could write in at some round (the others keep their text). */
    const everEditable = new Set<string | null>();
    const steps: string[] = [];

    for (let round = 0; round < ROUNDS; round++) {
      if (round > 0) {
        for (let n = 1 + random(2); n > 0; n--)
          steps.push(await workflowStep(random, sectionIds, observer.doc));
      }
      for (const place of places(observer.doc)) {
        if (EDITORS.some((u) => mayEdit(sessions[u].user, place))) everEditable.add(place.sectionId);
      }
      // Everyone edits at once: the updates race to the server.
      const predictions = actors.map((actor) => randomEdit(actor, random, serial++, written));
      await settled(actors, observer, `round ${round} to settle (seed ${seed})`);
      for (const [i, actor] of actors.entries()) {
        const context = `seed ${seed}, round ${round}, ${actor.user.username}, after ${steps.join('; ')}`;
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

    // Content: every tag stands where it was typed, by an edit the rules allowed when it was made.
    let tags = 0;
    for (const place of places(observer.doc)) {
      for (const match of place.xml.matchAll(TAG)) {
        tags++;
        const tag = written.get(match[0]);
        expect(tag, `${match[0]} was never typed (seed ${seed})`).toBeDefined();
        expect(tag?.predicted, `${match[0]} in ${place.sectionId} (seed ${seed})`).toBe('allowed');
        expect(tag?.sectionId, `${match[0]} moved (seed ${seed})`).toBe(place.sectionId);
      }
      // Where no editor could ever write, only the secretary added text and nothing was removed.
      if (!everEditable.has(place.sectionId)) {
        expect(place.xml.replace(TAG, ''), `${place.sectionId} (seed ${seed})`).toBe(
          initial.get(place.sectionId),
        );
      }
    }
    console.info(
      `guard-random seed ${seed}: ${tally.allowed} allowed, ${tally.refused} refused, ${tags} tags; ${steps.join('; ')}`,
    );
    expect(tally.refused, `seed ${seed}`).toBeGreaterThan(0);
    expect(tally.allowed, `seed ${seed}`).toBeGreaterThan(0);
    expect(tags).toBeGreaterThan(0);
  });
});
