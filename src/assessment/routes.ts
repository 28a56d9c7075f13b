import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../web/deps.ts';
import { policiesFor } from '../auth/policies.ts';
import { recordAssessmentAs } from './assessmentRecorder.ts';
import { signOffField } from './fieldSignOff.ts';
import { proposeGrade, reviewGrade } from './gradeDecider.ts';
import { createIncident, editIncident, publishIncident } from './incidentEditor.ts';
import { presentDecision, presentSignOff } from './presenters.ts';
import {
  AssessmentBody, AssessmentHistoryJson, AssessmentParams, ChangelogResponse, CreateIncidentBody, DecisionJson, DecisionParams, EditIncidentBody,
  GradeProposalBody, GradeReviewBody, IncidentParams, ReasonBody, SignOffBody, SignOffJson, SuggestionJson, WorkflowResponse,
} from './schema.ts';
import { assessmentHistory, gradeSuggestion, incidentAuditTrail, incidentChangelog, incidentWorkflowView } from './service.ts';

const tags = ['assessment'];

/** The assessment workflow: incidents' editing, grading with review, assessments, sign-offs, publishing, changelog. */
export function assessmentRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const db = deps.db.kysely;
    const view = async (actor: Parameters<typeof incidentWorkflowView>[1], id: string) => ({ data: await incidentWorkflowView(db, actor, id), policies: policiesFor(actor) });

    app.post('/api/incidents', {
      config: { action: 'incident.create' },
      schema: { tags, summary: 'Create a draft incident (e.g. from accepted submissions)', body: CreateIncidentBody, response: { 201: WorkflowResponse } },
    }, async (req, reply) => {
      const { reason, ...fields } = req.body;
      const row = await createIncident(db, req.actor, fields, reason);
      return reply.status(201).send(await view(req.actor, row.public_id));
    });

    app.patch('/api/incidents/:id', {
      config: { action: 'incident.edit' },
      schema: { tags, summary: 'Edit an incident; `version` is the one you edited (stale → 409 VERSION_CONFLICT)', params: IncidentParams, body: EditIncidentBody, response: { 200: WorkflowResponse } },
    }, async (req) => {
      const { reason, version, ...fields } = req.body;
      await editIncident(db, req.actor, req.params.id, version, fields, reason);
      return view(req.actor, req.params.id);
    });

    app.get('/api/incidents/:id/workflow', {
      config: { action: 'incident.read' },
      schema: { tags, summary: 'An incident with its grade, assessments and sign-offs, and what you may do (`policies`)', params: IncidentParams, response: { 200: WorkflowResponse } },
    }, async (req) => view(req.actor, req.params.id));

    app.get('/api/incidents/:id/grade-suggestion', {
      config: { action: 'grade.suggest' },
      schema: { tags, summary: 'The grade the written criteria suggest, each criterion with why', params: IncidentParams, response: { 200: z.object({ data: SuggestionJson }) } },
    }, async (req) => ({ data: await gradeSuggestion(db, req.actor, req.params.id) }));

    app.post('/api/incidents/:id/grade-decisions', {
      config: { action: 'grade.propose' },
      schema: { tags, summary: 'Propose a grade (reason required); a different reviewer must approve it', params: IncidentParams, body: GradeProposalBody, response: { 201: z.object({ data: DecisionJson }) } },
    }, async (req, reply) => {
      const d = await proposeGrade(db, req.actor, req.params.id, req.body.grade, req.body.reason);
      return reply.status(201).send({ data: presentDecision(d) });
    });

    app.post('/api/grade-decisions/:decisionId/review', {
      config: { action: 'grade.review' },
      schema: { tags, summary: "Approve or reject someone else's grade proposal", params: DecisionParams, body: GradeReviewBody, response: { 200: z.object({ data: DecisionJson }) } },
    }, async (req) => ({ data: presentDecision(await reviewGrade(db, req.actor, req.params.decisionId, req.body.decision === 'approve', req.body.reason)) }));

    app.put('/api/incidents/:id/assessments/:belligerent', {
      config: { action: 'assessment.record' },
      schema: {
        tags, summary: "Record a belligerent's assessment (history kept; omit statedReason for \"no reason given\")", params: AssessmentParams, body: AssessmentBody,
        response: { 200: z.object({ data: z.object({ assessmentId: z.number().int(), version: z.number().int(), result: z.string() }) }) },
      },
    }, async (req) => {
      const b = req.body;
      const r = await recordAssessmentAs(db, req.actor, b.reason, {
        publicId: req.params.id, belligerent: req.params.belligerent, status: b.status, statedReason: b.statedReason ?? null,
        ...(b.conceded ? { conceded: b.conceded } : {}), assessedOn: b.assessedOn ?? null,
        document: { url: b.documentUrl ?? null, sourceId: b.documentSourceId ?? null }, ...(b.expectedVersion ? { expectedVersion: b.expectedVersion } : {}),
      });
      return { data: r };
    });

    app.get('/api/incidents/:id/assessments/:belligerent/history', {
      config: { action: 'assessment.read' },
      schema: { tags, summary: "Every version of a belligerent's assessment", params: AssessmentParams, response: { 200: z.object({ data: z.array(AssessmentHistoryJson) }) } },
    }, async (req) => ({ data: await assessmentHistory(db, req.actor, req.params.id, req.params.belligerent) }));

    app.post('/api/incidents/:id/sign-offs', {
      config: { action: 'signoff.record' },
      schema: { tags, summary: 'Sign off location, date or figures (not by the last editor)', params: IncidentParams, body: SignOffBody, response: { 201: z.object({ data: SignOffJson }) } },
    }, async (req, reply) => {
      const s = await signOffField(db, req.actor, req.params.id, req.body);
      return reply.status(201).send({ data: presentSignOff(s, s.incident_version) });
    });

    app.post('/api/incidents/:id/publish', {
      config: { action: 'incident.publish' },
      schema: { tags, summary: 'Publish (needs an approved grade and current sign-offs)', params: IncidentParams, body: ReasonBody, response: { 200: WorkflowResponse } },
    }, async (req) => {
      await publishIncident(db, req.actor, req.params.id, req.body.reason);
      return view(req.actor, req.params.id);
    });

    app.get('/api/incidents/:id/changelog', {
      config: { action: 'changelog.read' },
      schema: { tags, summary: 'Public changelog: grade, assessment, sign-off and publication events', params: IncidentParams, response: { 200: ChangelogResponse } },
    }, async (req) => ({ data: await incidentChangelog(db, req.actor, req.params.id) }));

    app.get('/api/incidents/:id/audit', {
      config: { action: 'audit.read' },
      schema: {
        tags, summary: 'Full audit trail of an incident, internal events included (reviewers, admins)', params: IncidentParams,
        response: { 200: z.object({ data: z.array(z.object({ seq: z.number().int(), at: z.string(), actor: z.string(), action: z.string(), visibility: z.string(), reason: z.string(), before: z.unknown(), after: z.unknown() })) }) },
      },
    }, async (req) => ({ data: await incidentAuditTrail(db, req.actor, req.params.id) }));
  };
}
