// The review loop for integrations and tools (issue 18), with the same rights as the editor:
// GET  /api/reports/:id/review → {comments: [{id, sectionId, authorId, text, quote, resolved, at,
//      replies: [{id, authorId, text, at}]}], suggestions: [{id, sectionId, authorId, kind, text, at}]}
// GET  /api/reports/:id/review/summary → {suggestions, openComments} (pending suggestions, open threads)
// POST /api/reports/:id/comments {sectionId, quote, text} → 201 the comment, anchored on the first
//      occurrence of `quote` in that section (422 when it does not occur)
// POST /api/reports/:id/suggestions/:suggestionId/accept | /reject → {decided: [...]} (403 when the
//      user may not decide in its section, 404 unknown, 409 locked)
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { MAX_COMMENT_LENGTH, MAX_QUOTE_LENGTH } from '../../shared/review/entries';
import { requireAuth } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { bodyObject, jsonBody, pathParams, text } from '../http/validate';
import type { ReviewService } from '../reports/review-service';
import type { ReportService } from '../reports/service';
import type { MetaStore } from '../store/meta-store';
import { knownReport } from './report-param';

const CommentBody = bodyObject({
  sectionId: text('sectionId', { min: 1, max: 80, missing: '"sectionId" is required' }),
  quote: text('quote', { min: 1, max: MAX_QUOTE_LENGTH, missing: '"quote" is required' }),
  text: text('text', { min: 1, max: MAX_COMMENT_LENGTH, missing: '"text" is required' }).refine(
    (value) => value.trim().length > 0,
    '"text" is empty',
  ),
});

const SuggestionPath = z.object({
  id: z.string().describe('a report id'),
  suggestionId: z.string().min(1).max(200).describe('a suggestion id (sg:<author>:<time>:<random>)'),
});

const doc = (summary: string) => describeRoute({ tags: ['review'], summary });

export function reviewRoutes(meta: MetaStore, reports: ReportService, review: ReviewService) {
  return new Hono<AppEnv>()
    .use(requireAuth(meta))
    .get('/:id/review', doc('Comments and pending suggestions of a report'), async (c) => {
      const report = knownReport(reports, c.req.param('id'));
      return c.json(await review.view(report.id));
    })
    .get('/:id/review/summary', doc('How many suggestions and comments are still open'), async (c) => {
      const report = knownReport(reports, c.req.param('id'));
      return c.json(await review.pending(report.id));
    })
    .post('/:id/comments', doc('Comment on a quote of a section'), jsonBody(CommentBody), async (c) => {
      const report = knownReport(reports, c.req.param('id'));
      const comment = await review.addComment(report.id, c.get('user'), c.req.valid('json'));
      return c.json(comment, 201);
    })
    .post(
      '/:id/suggestions/:suggestionId/accept',
      doc('Accept a suggestion'),
      pathParams(SuggestionPath),
      async (c) => {
        const params = c.req.valid('param');
        const report = knownReport(reports, params.id);
        const decided = await review.decide(report.id, c.get('user'), params.suggestionId, 'accept');
        return c.json({ decided });
      },
    )
    .post(
      '/:id/suggestions/:suggestionId/reject',
      doc('Reject a suggestion'),
      pathParams(SuggestionPath),
      async (c) => {
        const params = c.req.valid('param');
        const report = knownReport(reports, params.id);
        const decided = await review.decide(report.id, c.get('user'), params.suggestionId, 'reject');
        return c.json({ decided });
      },
    );
}
