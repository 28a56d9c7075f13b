import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../web/deps.ts';
import { decideIntake, listIntake } from './intakeReviewer.ts';
import { SUBMISSION_LIMITS, SUBMISSION_RATE, submissionBuckets, takeSubmissionToken, type TokenBuckets } from './limits.ts';
import { IntakeDecisionBody, IntakeItem, SourceParams, SubmissionBody, SubmissionReceipt } from './schema.ts';
import { receiveSubmission } from './submissionReceiver.ts';
import { submissionPages } from './pages.ts';

/** Public submissions (API and the no-JavaScript form in English and Arabic) and the analysts' intake queue. */
export function submissionRoutes(deps: AppDeps, buckets: TokenBuckets = submissionBuckets()): FastifyPluginAsyncZod {
  return async (app) => {
    const db = deps.db.kysely;

    app.post('/api/submissions', {
      config: { action: 'submission.create' },
      schema: {
        tags: ['submissions'],
        summary: 'Tell us about harm you witnessed (anonymous allowed)',
        description: `Stored unverified and restricted until an analyst reviews it. Attachments as base64 (at most ${SUBMISSION_LIMITS.attachmentsMax}, ${SUBMISSION_LIMITS.attachmentBytesMax} bytes each), each hashed (SHA-256). The contact e-mail is never shown or exported. Rate limit: ${SUBMISSION_RATE.capacity} at once, ${SUBMISSION_RATE.refillPerHour} per hour per address.`,
        body: SubmissionBody,
        response: { 201: SubmissionReceipt },
      },
    }, async (req, reply) => {
      const ipKey = takeSubmissionToken(buckets, req.ip);
      const r = await receiveSubmission(db, req.body, { ipKey });
      return reply.status(201).send({ data: { referenceCode: r.referenceCode, received: r.received } });
    });

    app.get('/api/intake', {
      config: { action: 'intake.read' },
      schema: { tags: ['submissions'], summary: 'Submissions waiting for review (analysts)', response: { 200: z.object({ data: z.array(IntakeItem) }) } },
    }, async (req) => ({ data: await listIntake(db, req.actor) }));

    app.post('/api/intake/:sourceId/decision', {
      config: { action: 'intake.decide' },
      schema: {
        tags: ['submissions'], summary: 'Accept (public, redacted) or reject a submission, with a reason', params: SourceParams, body: IntakeDecisionBody,
        response: { 200: z.object({ data: z.object({ sourceId: z.number().int(), status: z.string(), visibility: z.string() }) }) },
      },
    }, async (req) => ({ data: await decideIntake(db, req.actor, req.params.sourceId, req.body.decision === 'accept', req.body.reason) }));

    await app.register(submissionPages(deps, buckets));
  };
}
