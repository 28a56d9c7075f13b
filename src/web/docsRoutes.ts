import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { OpenAPIV3_1 } from 'openapi-types';
import { html } from './html.ts';
import { layout } from './layout.ts';
import { pickLang } from './i18n.ts';

/** GET /openapi.json (OpenAPI 3.1 from the zod schemas) and /docs, a readable list of the API. */
export function docsRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

    app.get('/docs', { schema: { hide: true } }, async (req, reply) => {
      const lang = pickLang(req.query, req.cookies.lang);
      const spec = app.swagger() as OpenAPIV3_1.Document;
      const ops = Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
        (['get', 'post', 'put', 'patch', 'delete'] as const)
          .filter((m) => item?.[m])
          .map((m) => ({ method: m.toUpperCase(), path, op: item![m]! })),
      );
      const body = html`<h1>harmwatch API</h1>
<p>${spec.info.description ?? ''}</p>
<p>Machine-readable description: <a href="/openapi.json">/openapi.json</a> (OpenAPI ${spec.openapi}).</p>
<table><thead><tr><th scope="col">Method</th><th scope="col">Path</th><th scope="col">What</th><th scope="col">Parameters</th></tr></thead><tbody>
${ops.map(({ method, path, op }) => html`<tr><td>${method}</td><td><code>${path}</code></td><td>${op.summary ?? ''}<br><span class="muted">${op.description ?? ''}</span></td>
<td>${(op.parameters ?? []).map((p) => {
  const param = p as OpenAPIV3_1.ParameterObject;
  return html`<code>${param.name}</code> <span class="muted">(${param.in}${param.required ? ', required' : ''})</span> ${param.description ?? ''}<br>`;
})}</td></tr>`)}
</tbody></table>`;
      return reply.type('text/html; charset=utf-8').send(layout({ lang, title: 'API', path: req.url }, body));
    });
  };
}
