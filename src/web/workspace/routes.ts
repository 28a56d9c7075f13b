import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { html, type SafeHtml } from '../html.ts';
import { formatNumber, pickLang, type Lang } from '../i18n.ts';
import { layout } from '../layout.ts';
import { vocab } from '../vocabLabels.ts';
import { ANONYMOUS, auditName, can, type Actor } from '../../auth/policies.ts';
import { login, logout } from '../../auth/service.ts';
import { clearSessionCookie, setSessionCookie } from '../../auth/plugin.ts';
import { listIntake, decideIntake } from '../../submissions/intakeReviewer.ts';
import { proposeGrade, reviewGrade } from '../../assessment/gradeDecider.ts';
import { gradeSuggestion } from '../../assessment/service.ts';
import { recordAssessmentAs } from '../../assessment/assessmentRecorder.ts';
import { reviewQueue } from '../../linkage/service.ts';
import { labelPair } from '../../linkage/pairLabeller.ts';
import { reviewClaim } from '../../extract/claimReviewer.ts';
import { redactText } from '../../privacy/redact.ts';
import { ASSESSMENT_STATUSES, GRADES } from '../../model/vocabulary.ts';
import { workspaceRepository } from './repository.ts';
import { importPages } from './importPages.ts';

const L = (lang: Lang, en: string, ar: string): string => (lang === 'ar' ? ar : en);
const actorOf = (req: FastifyRequest): Actor => req.actor ?? ANONYMOUS;
const csrf = (req: FastifyRequest): SafeHtml => html`<input type="hidden" name="_csrf" value="${req.auth.csrfToken ?? ''}">`;
const reason = (lang: Lang, id: string): SafeHtml =>
  html`<label for="${id}">${L(lang, 'Reason (required)', 'السبب (إلزامي)')}</label><input id="${id}" name="reason" required minlength="3" maxlength="2000">`;
const optNum = z.preprocess((v) => (v === '' || v == null ? undefined : v), z.coerce.number().int().min(0).optional());
const LangQ = z.object({ lang: z.enum(['en', 'ar']).optional() });

function page(reply: FastifyReply, req: FastifyRequest, lang: Lang, title: string, body: SafeHtml): FastifyReply {
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(layout({ lang, title, path: req.url }, body));
}

/**
 * The analyst workspace, server-rendered forms behind login: intake queue, extracted claims to
 * confirm, linkage review with the score waterfall, grading with a mandatory reason and a second
 * person's approval, belligerent assessments. Every form posts its CSRF token; every action goes
 * through the same services (and permission table) as the API and CLI.
 */
export function workspaceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const db = deps.db.kysely;
  return async (app) => {
    app.get('/login', { schema: { hide: true, querystring: LangQ } }, async (req, reply) => {
      const lang = pickLang(req.query, req.cookies.lang);
      return page(reply, req, lang, L(lang, 'Sign in', 'تسجيل الدخول'), html`<h1>${L(lang, 'Sign in', 'تسجيل الدخول')}</h1>
<form method="post" action="/login" class="stack">
  <label for="username">${L(lang, 'User name', 'اسم المستخدم')}</label><input id="username" name="username" autocomplete="username" required>
  <label for="password">${L(lang, 'Password', 'كلمة المرور')}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">${L(lang, 'Sign in', 'دخول')}</button>
</form>`);
    });

    app.post('/login', { config: { csrfExempt: true }, schema: { hide: true, body: z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) }) } }, async (req, reply) => {
      const r = await login(db, { ...req.body, previousToken: req.auth.sessionToken ?? undefined });
      setSessionCookie(reply, r.token, r.expiresAt);
      return reply.redirect('/workspace', 303);
    });

    app.post('/logout', { schema: { hide: true } }, async (req, reply) => {
      if (req.auth.sessionToken) await logout(db, req.auth.sessionToken);
      clearSessionCookie(reply);
      return reply.redirect('/', 303);
    });

    app.get('/workspace', { config: { action: 'incident.read_internal' }, schema: { hide: true, querystring: LangQ } }, async (req, reply) => {
      const lang = pickLang(req.query, req.cookies.lang);
      const actor = actorOf(req);
      const [intake, documents, grades, incidents, claims, queue] = await Promise.all([
        can(actor.role, 'intake.read') ? listIntake(db, actor, 50) : Promise.resolve(null),
        can(actor.role, 'intake.read') ? workspaceRepository.recentDocuments(db, 20) : Promise.resolve(null),
        workspaceRepository.pendingGrades(db),
        workspaceRepository.incidentsToWork(db, 50),
        can(actor.role, 'incident.edit') ? workspaceRepository.unreviewedClaims(db, 30) : Promise.resolve(null),
        can(actor.role, 'incident.edit') ? reviewQueue(db, 20) : Promise.resolve(null),
      ]);
      const body = html`<h1>${L(lang, 'Workspace', 'مساحة العمل')}</h1>
<p>${L(lang, 'Signed in as', 'مسجّل باسم')} <strong>${actor.kind === 'user' ? actor.username : ''}</strong> (${actor.role}).
<form method="post" action="/logout" class="inline">${csrf(req)}<button type="submit">${L(lang, 'Sign out', 'خروج')}</button></form></p>
${can(actor.role, 'source.import') ? html`<p><a href="/workspace/import">${L(lang, 'Import an article', 'استيراد مقال')}</a></p>` : ''}

${intake ? html`<section><h2>${L(lang, 'Intake queue', 'قائمة الوارد')} (${intake.length})</h2>
${intake.length === 0 ? html`<p class="muted">${L(lang, 'Nothing waiting.', 'لا شيء بانتظار المراجعة.')}</p>` : html`<ol>${intake.map((s) => html`<li>
  <p><strong>${s.referenceCode ?? s.sourceId}</strong> · ${s.receivedAt.slice(0, 16)} · ${s.place ?? ''} ${s.date ?? ''}</p>
  <blockquote dir="auto">${redactText(s.text ?? '')}</blockquote>
  ${can(actor.role, 'intake.decide') ? html`<form method="post" action="/workspace/intake/${s.sourceId}">${csrf(req)}${reason(lang, `intake-reason-${s.sourceId}`)}
    <button name="decision" value="accept">${L(lang, 'Accept as a source', 'قبول كمصدر')}</button> <button name="decision" value="reject">${L(lang, 'Reject', 'رفض')}</button></form>` : ''}
</li>`)}</ol>`}</section>` : ''}

${documents ? html`<section><h2>${L(lang, 'Imported documents', 'وثائق مستوردة')}</h2>
${documents.length === 0 ? html`<p class="muted">${L(lang, 'None yet.', 'لا شيء بعد.')}</p>` : html`<table><thead><tr><th scope="col">${L(lang, 'Document', 'الوثيقة')}</th><th scope="col">${L(lang, 'Captured', 'وقت الالتقاط')}</th><th scope="col" class="num">${L(lang, 'Claims', 'الادعاءات')}</th><th scope="col" class="num">${L(lang, 'To review', 'للمراجعة')}</th></tr></thead><tbody>
${documents.map((d) => html`<tr><td dir="auto"><a href="/sources/${String(d.id)}?lang=${lang}">${d.title ?? d.publisher ?? d.url ?? `#${String(d.id)}`}</a>${d.version > 1 ? html` <span class="muted">v${String(d.version)}</span>` : ''}</td><td>${new Date(d.captured_at).toISOString().slice(0, 16).replace('T', ' ')}</td><td class="num">${formatNumber(Number(d.claims ?? 0), lang)}</td><td class="num">${formatNumber(Number(d.unreviewed ?? 0), lang)}</td></tr>`)}
</tbody></table>`}</section>` : ''}

<section><h2>${L(lang, 'Grades waiting for a second person', 'تصنيفات بانتظار موافقة شخص ثانٍ')} (${grades.length})</h2>
${grades.length === 0 ? html`<p class="muted">${L(lang, 'None.', 'لا يوجد.')}</p>` : html`<table><thead><tr><th scope="col">ID</th><th scope="col">${L(lang, 'Proposed grade', 'التصنيف المقترح')}</th><th scope="col">${L(lang, 'Reason', 'السبب')}</th><th scope="col">${L(lang, 'By', 'بواسطة')}</th><th scope="col">${L(lang, 'Decision', 'القرار')}</th></tr></thead><tbody>
${grades.map((g) => html`<tr><td><a href="/workspace/incidents/${g.public_id}">${g.public_id}</a></td><td>${vocab(g.grade, lang)}</td><td>${g.reason}</td><td>${g.proposed_by}</td>
<td>${can(actor.role, 'grade.review') ? html`<form method="post" action="/workspace/grades/${g.id}">${csrf(req)}${reason(lang, `grade-reason-${g.id}`)}
<button name="decision" value="approve">${L(lang, 'Approve', 'موافقة')}</button> <button name="decision" value="reject">${L(lang, 'Reject', 'رفض')}</button></form>` : html`<span class="muted">${L(lang, 'a reviewer decides', 'يقرر مراجع')}</span>`}</td></tr>`)}
</tbody></table>`}</section>

<section><h2>${L(lang, 'Incidents to grade, assess or publish', 'حوادث للتصنيف أو التقييم أو النشر')}</h2>
${incidents.length === 0 ? html`<p class="muted">${L(lang, 'None.', 'لا يوجد.')}</p>` : html`<ul>${incidents.map((i) => html`<li><a href="/workspace/incidents/${i.public_id}">${i.public_id}</a> ${i.title ?? i.place_text ?? ''} · ${i.date_start ?? ''} · ${vocab(i.grade, lang) || '—'} (${i.grade_status}, ${i.status})</li>`)}</ul>`}</section>

${claims ? html`<section><h2>${L(lang, 'Extracted claims to confirm', 'ادعاءات مستخرجة للتأكيد')} (${claims.length})</h2>
${claims.length === 0 ? html`<p class="muted">${L(lang, 'None.', 'لا يوجد.')}</p>` : html`<ol>${claims.map((c) => html`<li>
<blockquote dir="auto">${c.quote}</blockquote><p>${c.type}: ${c.population ?? ''} ${c.outcome ?? ''} ${c.min ?? '?'}–${c.max ?? '?'} (${c.qualifier ?? ''}) · ${c.place_text ?? ''} ${c.period_start ?? ''} · <span class="muted">${c.source_title ?? `source ${c.source_id}`}</span></p>
<form method="post" action="/workspace/claims/${c.id}">${csrf(req)}${reason(lang, `claim-reason-${c.id}`)}<button name="decision" value="confirmed">${L(lang, 'Confirm', 'تأكيد')}</button> <button name="decision" value="rejected">${L(lang, 'Reject', 'رفض')}</button></form>
</li>`)}</ol>`}</section>` : ''}

${queue ? html`<section><h2>${L(lang, 'Linkage review', 'مراجعة الربط')} (${queue.pending})</h2>
${queue.data.length === 0 ? html`<p class="muted">${L(lang, 'No pairs waiting.', 'لا أزواج بانتظار المراجعة.')}</p>` : html`<ol>${queue.data.map((p) => html`<li>
<p>p = ${p.probability.toFixed(3)} · ${p.distanceKm != null ? `${p.distanceKm.toFixed(1)} km` : L(lang, 'distance unknown', 'المسافة غير معروفة')}</p>
<blockquote dir="auto">${p.left.quote ?? ''}</blockquote><blockquote dir="auto">${'quote' in p.right ? (p.right.quote ?? '') : ''}</blockquote>
<table class="waterfall"><caption>${L(lang, 'Score waterfall (log2 Bayes factors)', 'تفصيل الدرجة')}</caption><tbody>
<tr><th scope="row">${L(lang, 'prior', 'الاحتمال المسبق')}</th><td class="num">${p.waterfall.prior.toFixed(2)}</td></tr>
${p.waterfall.steps.map((s) => html`<tr><th scope="row">${s.label}</th><td class="num">${s.weight >= 0 ? '+' : ''}${s.weight.toFixed(2)}</td></tr>`)}
<tr><th scope="row">${L(lang, 'total', 'المجموع')}</th><td class="num">${p.waterfall.total.toFixed(2)}</td></tr></tbody></table>
<form method="post" action="/workspace/linkage/${p.id}">${csrf(req)}${reason(lang, `pair-reason-${p.id}`)}<button name="label" value="match">${L(lang, 'Same event', 'الحدث نفسه')}</button> <button name="label" value="non-match">${L(lang, 'Different events', 'حدثان مختلفان')}</button></form>
</li>`)}</ol>`}</section>` : ''}`;
      return page(reply, req, lang, L(lang, 'Workspace', 'مساحة العمل'), body);
    });

    app.get('/workspace/incidents/:id', { config: { action: 'incident.read_internal' }, schema: { hide: true, params: z.object({ id: z.string().min(1).max(64) }), querystring: LangQ } }, async (req, reply) => {
      const lang = pickLang(req.query, req.cookies.lang);
      const actor = actorOf(req);
      const s = await gradeSuggestion(db, actor, req.params.id);
      const body = html`<h1>${req.params.id}</h1><p><a href="/incidents/${req.params.id}">${L(lang, 'Public page', 'الصفحة العامة')}</a> · <a href="/workspace">${L(lang, 'Workspace', 'مساحة العمل')}</a></p>
<h2>${L(lang, 'Suggested grade', 'التصنيف المقترح آليًا')}: ${vocab(s.grade, lang)}</h2>
<ul>${s.criteria.map((c) => html`<li>${c.holds ? '✔' : '✘'} <strong>${c.id.replace(/_/g, " ")}</strong>: ${c.why}</li>`)}</ul>
${can(actor.role, 'grade.propose') ? html`<h2>${L(lang, 'Propose a grade', 'اقتراح تصنيف')}</h2>
<form method="post" action="/workspace/incidents/${req.params.id}/grade" class="stack">${csrf(req)}
<label for="grade">${L(lang, 'Grade', 'التصنيف')}</label><select id="grade" name="grade">${GRADES.map((g) => html`<option value="${g}"${g === s.grade ? html` selected` : ''}>${vocab(g, lang)}</option>`)}</select>
${reason(lang, 'grade-reason')}<button type="submit">${L(lang, 'Propose (a reviewer approves)', 'اقتراح (يوافق عليه مراجع)')}</button></form>` : ''}
${can(actor.role, 'assessment.record') ? html`<h2>${L(lang, 'Record a belligerent assessment', 'تسجيل تقييم طرف محارب')}</h2>
<form method="post" action="/workspace/incidents/${req.params.id}/assess" class="stack">${csrf(req)}
<label for="belligerent">${L(lang, 'Belligerent', 'الطرف المحارب')}</label><input id="belligerent" name="belligerent" value="coalition" required>
<label for="status">${L(lang, 'Status', 'الحالة')}</label><select id="status" name="status">${ASSESSMENT_STATUSES.map((x) => html`<option value="${x}">${vocab(x, lang)}</option>`)}</select>
<label for="killed_min">${L(lang, 'Conceded killed, minimum', 'القتلى المعترف بهم، الحد الأدنى')}</label><input id="killed_min" name="killed_min" inputmode="numeric">
<label for="killed_max">${L(lang, 'Conceded killed, maximum', 'القتلى المعترف بهم، الحد الأعلى')}</label><input id="killed_max" name="killed_max" inputmode="numeric">
<label for="stated">${L(lang, 'Reason the belligerent stated (empty: "no reason given")', 'السبب الذي ذكره الطرف (فارغ: «لم يُذكر سبب»)')}</label><input id="stated" name="stated">
<label for="assessed_on">${L(lang, 'Date of the determination', 'تاريخ القرار')}</label><input id="assessed_on" name="assessed_on" type="date">
${reason(lang, 'assess-reason')}<button type="submit">${L(lang, 'Record', 'تسجيل')}</button></form>` : ''}`;
      return page(reply, req, lang, req.params.id, body);
    });

    const Reason = z.string().trim().min(3).max(2000);
    app.post('/workspace/incidents/:id/grade', { config: { action: 'grade.propose' }, schema: { hide: true, params: z.object({ id: z.string().max(64) }), body: z.object({ grade: z.enum(GRADES), reason: Reason }) } }, async (req, reply) => {
      await proposeGrade(db, actorOf(req), req.params.id, req.body.grade, req.body.reason);
      return reply.redirect(`/workspace/incidents/${req.params.id}`, 303);
    });

    app.post('/workspace/incidents/:id/assess', {
      config: { action: 'assessment.record' },
      schema: { hide: true, params: z.object({ id: z.string().max(64) }), body: z.object({
        belligerent: z.string().trim().min(1).max(100), status: z.enum(ASSESSMENT_STATUSES), killed_min: optNum, killed_max: optNum,
        stated: z.string().max(4000).optional(), assessed_on: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional()), reason: Reason,
      }) },
    }, async (req, reply) => {
      const b = req.body;
      await recordAssessmentAs(db, actorOf(req), b.reason, {
        publicId: req.params.id, belligerent: b.belligerent, status: b.status,
        conceded: { killed: { min: b.killed_min ?? null, max: b.killed_max ?? null } },
        statedReason: b.stated?.trim() || null, assessedOn: b.assessed_on ?? null,
      });
      return reply.redirect(`/workspace/incidents/${req.params.id}`, 303);
    });

    app.post('/workspace/grades/:decisionId', { config: { action: 'grade.review' }, schema: { hide: true, params: z.object({ decisionId: z.coerce.number().int().positive() }), body: z.object({ decision: z.enum(['approve', 'reject']), reason: Reason }) } }, async (req, reply) => {
      await reviewGrade(db, actorOf(req), req.params.decisionId, req.body.decision === 'approve', req.body.reason);
      return reply.redirect('/workspace', 303);
    });

    app.post('/workspace/intake/:sourceId', { config: { action: 'intake.decide' }, schema: { hide: true, params: z.object({ sourceId: z.coerce.number().int().positive() }), body: z.object({ decision: z.enum(['accept', 'reject']), reason: Reason }) } }, async (req, reply) => {
      await decideIntake(db, actorOf(req), req.params.sourceId, req.body.decision === 'accept', req.body.reason);
      return reply.redirect('/workspace', 303);
    });

    app.post('/workspace/claims/:claimId', { config: { action: 'incident.edit' }, schema: { hide: true, params: z.object({ claimId: z.coerce.number().int().positive() }), body: z.object({ decision: z.enum(['confirmed', 'rejected']), reason: Reason }) } }, async (req, reply) => {
      await reviewClaim(db, { actor: auditName(actorOf(req)), reason: req.body.reason }, req.params.claimId, req.body.decision);
      return reply.redirect('/workspace', 303);
    });

    app.post('/workspace/linkage/:pairId', { config: { action: 'incident.edit' }, schema: { hide: true, params: z.object({ pairId: z.coerce.number().int().positive() }), body: z.object({ label: z.enum(['match', 'non-match']), reason: Reason }) } }, async (req, reply) => {
      await labelPair(db, req.params.pairId, req.body.label, { actor: auditName(actorOf(req)), reason: req.body.reason });
      return reply.redirect('/workspace', 303);
    });

    await app.register(importPages(deps));
  };
}
