import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../web/deps.ts';
import { html } from '../web/html.ts';
import { pickLang, translator, type Lang } from '../web/i18n.ts';
import { layout } from '../web/layout.ts';
import { HarmwatchError } from '../errors.ts';
import { takeSubmissionToken, type TokenBuckets } from './limits.ts';
import { SubmissionBody, SubmissionForm } from './schema.ts';
import { receiveSubmission } from './submissionReceiver.ts';

type FormValues = z.infer<typeof SubmissionForm>;

function form(lang: Lang, csrf: string | null, v: Partial<FormValues>, errors: string[]) {
  const t = translator(lang);
  return html`<h1>${t('submit.title')}</h1>
<p>${t('submit.intro')}</p>
${errors.length ? html`<div class="errors" role="alert"><p>${t('submit.error')}</p><ul>${errors.map((e) => html`<li>${e}</li>`)}</ul></div>` : ''}
<form class="submission" method="post" action="/submit?lang=${lang}" accept-charset="utf-8">
  ${csrf ? html`<input type="hidden" name="_csrf" value="${csrf}">` : ''}
  <input type="hidden" name="lang" value="${lang}">
  <p><label for="text">${t('submit.text')}</label><br>
  <textarea id="text" name="text" rows="10" cols="60" required minlength="10" maxlength="20000" dir="auto">${v.text ?? ''}</textarea><br>
  <small>${t('submit.textHelp')}</small></p>
  <p><label for="place">${t('submit.place')} <span class="muted">(${t('submit.optional')})</span></label><br>
  <input id="place" name="place" maxlength="500" dir="auto" value="${v.place ?? ''}"></p>
  <p><label for="date">${t('submit.date')} <span class="muted">(${t('submit.optional')})</span></label><br>
  <input id="date" name="date" maxlength="100" dir="auto" value="${v.date ?? ''}"></p>
  <p><label for="contactEmail">${t('submit.email')} <span class="muted">(${t('submit.optional')})</span></label><br>
  <input id="contactEmail" name="contactEmail" type="email" maxlength="320" dir="ltr" value="${v.contactEmail ?? ''}"><br>
  <small>${t('submit.emailHelp')}</small></p>
  <p><label for="name">${t('submit.name')} <span class="muted">(${t('submit.optional')})</span></label><br>
  <input id="name" name="name" maxlength="200" dir="auto" value="${v.name ?? ''}"></p>
  <div hidden aria-hidden="true"><label for="website">Website</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
  <p><button type="submit">${t('submit.send')}</button></p>
  <p class="muted">${t('submit.privacy')}</p>
</form>`;
}

function page(reply: FastifyReply, lang: Lang, status: number, body: ReturnType<typeof html>) {
  const t = translator(lang);
  return reply.status(status).type('text/html; charset=utf-8').send(layout({ lang, title: t('submit.title'), path: `/submit?lang=${lang}` }, body));
}

/** `GET /submit` and `POST /submit`: the witness form, without JavaScript, in English and Arabic. */
export function submissionPages(deps: AppDeps, buckets: TokenBuckets): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/submit', {
      config: { action: 'submission.create' },
      schema: { hide: true, querystring: z.object({ lang: z.enum(['en', 'ar']).optional() }) },
    }, async (req, reply) => {
      const lang = pickLang(req.query, req.cookies.lang);
      return page(reply, lang, 200, form(lang, req.auth.csrfToken, {}, []));
    });

    app.post('/submit', {
      config: { action: 'submission.create' },
      schema: { hide: true, body: SubmissionForm, querystring: z.object({ lang: z.enum(['en', 'ar']).optional() }) },
    }, async (req, reply) => {
      const lang = req.body.lang ?? pickLang(req.query, req.cookies.lang);
      const t = translator(lang);
      const parsed = SubmissionBody.safeParse({ ...req.body, language: lang });
      if (!parsed.success) {
        const errors = parsed.error.issues.map((i) => `${String(i.path[0] ?? '')}: ${i.message}`);
        return page(reply, lang, 400, form(lang, req.auth.csrfToken, req.body, errors));
      }
      let ipKey: string;
      try {
        ipKey = takeSubmissionToken(buckets, req.ip);
      } catch (e) {
        if (e instanceof HarmwatchError && e.id === 'RATE_LIMITED') return page(reply, lang, 429, html`<h1>${t('submit.title')}</h1><p role="alert">${t('submit.rateLimited')}</p>`);
        throw e;
      }
      const r = await receiveSubmission(deps.db.kysely, parsed.data, { ipKey });
      return page(reply, lang, 201, html`<h1>${t('submit.thanks')}</h1>
<p>${t('submit.reference')}</p>
<p class="reference"><strong dir="ltr">${r.referenceCode}</strong></p>
<p>${t('submit.keep')}</p>`);
    });
  };
}
