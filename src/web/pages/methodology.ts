import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PLACE_PRECISION_RADIUS_M, PLACE_PRECISIONS } from '../../model/vocabulary.ts';
import { html, type SafeHtml } from '../html.ts';
import { formatNumber, pickLang, type Lang } from '../i18n.ts';
import { layout } from '../layout.ts';
import { vocab } from '../vocabLabels.ts';

interface Section {
  title: string;
  body: SafeHtml;
}

function sections(lang: Lang): Section[] {
  const radii = html`<table><thead><tr><th scope="col">${lang === 'ar' ? 'الدقة' : 'Precision'}</th><th scope="col" class="num">${lang === 'ar' ? 'نصف القطر (م)' : 'Radius (m)'}</th></tr></thead><tbody>
${PLACE_PRECISIONS.map((p) => html`<tr><td>${vocab(p, lang)}</td><td class="num">${formatNumber(PLACE_PRECISION_RADIUS_M[p], lang)}</td></tr>`)}</tbody></table>`;
  if (lang === 'ar') {
    return [
      { title: 'الأرقام نطاقات', body: html`<p>كل رقم يُسجَّل كما قاله مصدره: حدّ أدنى وحدّ أعلى ومُحدِّد («ما لا يقل عن ١٬٣٠٢» حدّه الأدنى ١٣٠٢ ولا حدّ أعلى له). المجهول يبقى مجهولًا ولا يُكتب صفرًا. أرقام الحادثة (الأدنى – الأرجح – الأعلى) تُشتق من الادعاءات المرتبطة بها بقاعدة مذكورة بجانب كل رقم.</p>` },
      { title: 'التصنيف', body: html`<ul>
<li><strong>مؤكد</strong>: اعترف الطرف المحارب بالمسؤولية عن الأذى المدني.</li>
<li><strong>مقبول</strong>: مصدران مستقلان موثوقان أو أكثر، وضربة للطرف المحارب قريبة مرجّحة أو معلنة.</li>
<li><strong>ضعيف</strong>: مصدر واحد، وإن كان مفصّلًا.</li>
<li><strong>متنازع عليه</strong>: نسبة متنازعة (عدة أطراف، أو أذى يُنسب أيضًا إلى القتال البري).</li>
<li><strong>مستبعد</strong>: المتضررون على الأرجح مقاتلون، أو طرف آخر هو المسؤول على الأرجح.</li></ul>
<p>الإجمالي «المرجّح» = مؤكد + مقبول. تتحقق الشيفرة من معايير كل تصنيف وتعرضها، ويحتاج كل تصنيف إلى سبب مكتوب وموافقة شخص ثانٍ قبل النشر.</p>` },
      { title: 'تقييمات الأطراف المحاربة', body: html`<p>الحالات: لم يُقيّم بعد، قيد النظر، ذو مصداقية، غير ذي مصداقية، مكرر، معلومات غير كافية، أعيد فتحه. «ذو مصداقية» عند الجيش تعني أن الأرجح أن ضربته تسببت في إصابات مدنية؛ و«غير ذي مصداقية» تعني أنه لا توجد أدلة كافية لذلك. يُسجَّل السبب المعلن لكل قرار، أو القيمة الصريحة «لم يُذكر سبب» حتى يمكن عدّ حالات الرفض بلا سبب، مع السجل الكامل للتغييرات.</p>` },
      { title: 'دقة المكان والزمان', body: html`<p>لكل مكان دقة ونصف قطر تُرسم به الحادثة على الخريطة دائرةً لا دبوسًا:</p>${radii}<p>دقة الزمان: يوم، فترة ٢–٦ أيام، أسبوع، شهر، سنة.</p>` },
      { title: 'الضربات المعلنة', body: html`<p>كل سطر من بيانات الضربات اليومية يُحفظ حرفيًا مع تاريخه وبلده ومكانه كما كُتب، ويُستخرج منه عدد الضربات والأهداف. لا تُضاف الضربات المكررة عند إعادة الاستيراد.</p>` },
      { title: 'التقدير الإحصائي لما لم يُسجَّل', body: html`<p>يُقدَّر عدد الحوادث أو الضحايا الذين لم توثقهم أي قائمة بطريقة تقدير الأنظمة المتعددة: نماذج لوغاريتمية خطية مع اختيار النموذج بمعياري AIC وBIC، ونموذج الفئات الكامنة البايزي (LCMCR). تُعرض دائمًا الأعداد الموثقة والتقدير وفترته منفصلة.</p>` },
      { title: 'سجل التدقيق', body: html`<p>كل تغيير يُسجَّل حدثًا لا يُحذف، فيه الفاعل والوقت والسبب وما قبل التغيير وما بعده، وكل حدث يحمل بصمة SHA-256 للحدث السابق؛ يكشف الأمر <code>harmwatch audit verify</code> أي تعديل أو حذف أو إعادة ترتيب.</p>` },
      { title: 'البيانات والتراخيص', body: html`<p>بيانات الضربات: البيانات اليومية لقوة المهام المشتركة – عملية العزم الصلب (ملك عام للحكومة الأمريكية)، جمعها كيفن شاول (MIT). الحدود الإدارية: OCHA COD-AB (العراق: الجهاز المركزي للإحصاء 2019؛ سوريا)، CC BY-IGO. أسماء الأماكن: GeoNames، CC BY 4.0. الشيفرة: AGPL-3.0.</p>` },
    ];
  }
  return [
    { title: 'Figures are ranges', body: html`<p>Every figure is kept as its source stated it: a minimum, a maximum and a qualifier ("at least 1,302" has minimum 1302 and no maximum; "about 1,000" keeps "about"; "dozens" is vague, with no invented number). Unknown stays unknown and is never written as zero. An incident's low, best and high figures are derived from its linked claims by a rule shown beside each figure. A source's own figures are never overwritten; corrections are new claims.</p>` },
    { title: 'Grades', body: html`<ul>
<li><strong>Confirmed</strong>: the belligerent accepted responsibility for the civilian harm.</li>
<li><strong>Fair</strong>: two or more independent credible sources, and a strike by the belligerent nearby is likely or declared.</li>
<li><strong>Weak</strong>: a single source, even if detailed.</li>
<li><strong>Contested</strong>: competing attributions (several belligerents, or harm also attributed to ground fighting).</li>
<li><strong>Discounted</strong>: those harmed were most likely combatants, or another party was most likely responsible.</li></ul>
<p>"Likely" totals are Confirmed + Fair. Claims that repeat the same origin count once. harmwatch checks each grade's criteria in code and shows which hold; an analyst sets a grade with a written reason and a second person approves it before it is public.</p>` },
    { title: 'Belligerent assessments', body: html`<p>Statuses: not yet assessed, open, credible, not credible, duplicate, insufficient information, reopened. In the military's own definitions, <em>credible</em> means it is more likely than not that its strike caused civilian casualties; <em>not credible</em> means there is not enough evidence to find that it more likely than not did. Each determination records the stated reason or the explicit value "no reason given", so rejections without reasons can be counted, with the full history of changes and the document it came from.</p>` },
    { title: 'Place and date precision', body: html`<p>Every place carries a precision and a radius; maps draw an incident as a circle of that radius, not a pin:</p>${radii}<p>Date precision: exact day, 2–6 day span, week, month, year. UCDP <code>where_prec</code>/<code>date_prec</code> and ACLED <code>geo_precision</code>/<code>time_precision</code> are mapped onto these scales.</p>` },
    { title: 'Declared strikes', body: html`<p>Each line of the daily strike releases is kept verbatim with its release date, country and place as written; the number of strikes (number words included) and the targets engaged, destroyed or damaged are parsed from it. A line is identified by its release date, its text and its occurrence, so importing a file again adds nothing, and the refined edition of the scraped releases corrects place spellings without counting any strike twice.</p>` },
    { title: 'Estimating what nobody recorded', body: html`<p>Multiple systems estimation uses which independent lists documented each incident or victim: log-linear models over 3–6 lists with selection by AIC and BIC and model averaging, and the Bayesian latent-class model with a Dirichlet-process prior (LCMCR, Manrique-Vallier 2016). Results always show the documented count, the estimate and its interval separately.</p>` },
    { title: 'Audit trail', body: html`<p>Every change is an append-only event with its actor, time, reason and the values before and after, and each event carries the SHA-256 of the previous one; <code>harmwatch audit verify</code> finds any event that was changed, removed or reordered. Grade and assessment changes appear in each incident's public changelog.</p>` },
    { title: 'Data and licences', body: html`<p>Declared strikes: CJTF-OIR daily strike releases (US government works, public domain), scraped by Kevin Schaul (MIT). Boundaries: OCHA COD-AB (Iraq: Central Statistics Organization 2019; Syria), CC BY-IGO. Place names: GeoNames, CC BY 4.0. Incident data imported by users keeps its own attribution (e.g. "Data: Airwars, airwars.org"). Code: AGPL-3.0-or-later.</p>` },
  ];
}

/** GET /methodology: grading criteria, definitions, estimation methods, data licences. */
export function methodologyPage(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/methodology', { schema: { hide: true, querystring: z.object({ lang: z.enum(['en', 'ar']).optional() }) } }, async (req, reply) => {
      const lang = pickLang(req.query, req.cookies.lang);
      const title = lang === 'ar' ? 'المنهجية' : 'Methodology';
      const body = html`<h1>${title}</h1>${sections(lang).map((s) => html`<section><h2>${s.title}</h2>${s.body}</section>`)}`;
      return reply.type('text/html; charset=utf-8').send(layout({ lang, title, path: req.url }, body));
    });
  };
}
