/**
 * The service template library for a department's head: the templates in the reader's language,
 * grouped by area, each with its summary and what adopting it brings (questions, inputs,
 * deliverables, stages, time standard). The area the department most likely works in (by its code or
 * name: LEG, "Legal") comes first and open, the others folded below it. Adopting calls
 * POST /departments/:code/services/from-template; the page opens the draft in the service editor, the
 * guided setup keeps the head where they are and links the draft.
 */
import { A, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { Language, Service } from '#shared/model.ts';
import { TEMPLATE_AREAS, type TemplateArea, type TemplateSummary } from '#shared/templates/types.ts';
import { api, errorMessage } from '../lib/api.ts';
import { call } from '../lib/client.ts';
import { DepartmentPage, HeadOnly } from '../lib/department-page.tsx';
import { standardWords } from '../lib/format.ts';
import { createLoader, Loaded } from '../lib/load.tsx';
import { language, t } from '../lib/strings.ts';
import { likelyArea } from './areas.ts';
import './setup.css';

/** In the language the portal speaks now, which may not be the saved one. */
const loadTemplates = (lang: Language) => call('GET /service-templates', { query: { language: lang } });

function Contents(props: { template: TemplateSummary }) {
  const c = () => props.template.contains;
  const list = (items: string[]) => (items.length > 0 ? items.join(' · ') : t.templates.none);
  return (
    <details class="template-contents">
      <summary>{t.templates.contents}</summary>
      <dl>
        <dt>{t.templates.fields}</dt>
        <dd>{list(c().fields)}</dd>
        <dt>{t.templates.inputs}</dt>
        <dd>{list(c().inputs)}</dd>
        <dt>{t.templates.deliverables}</dt>
        <dd>{list(c().deliverables)}</dd>
        <dt>{t.templates.stages}</dt>
        <dd>{list(c().stages)}</dd>
        <dt>{t.templates.standard}</dt>
        <dd>{standardWords(c().standard)}</dd>
      </dl>
    </details>
  );
}

/** The library, grouped by area; `onAdopted` gets each draft made. */
export function TemplatePicker(props: {
  code: string;
  /** The department's name, to put its likely area first. */
  departmentName?: string;
  onAdopted: (service: Service) => void;
  /** Templates already adopted here (by the draft's id), marked as such. */
  adopted?: readonly string[];
  headingLevel?: 2 | 3;
}) {
  const templates = createLoader(() => language, loadTemplates);
  const [busy, setBusy] = createSignal<string>();
  const [failure, setFailure] = createSignal<{ id: string; text: string }>();
  const groups = createMemo(() =>
    TEMPLATE_AREAS.map((area) => ({ area, items: (templates.value() ?? []).filter((x) => x.area === area) })).filter(
      (g) => g.items.length > 0,
    ),
  );
  const likely = createMemo(() => {
    const area = likelyArea(props.code, props.departmentName, t.templates.areas);
    return groups().some((g) => g.area === area) ? area : undefined;
  });
  const draftId = (id: string) => `${props.code.toLowerCase()}-${id}`;
  const isAdopted = (id: string) => (props.adopted ?? []).includes(draftId(id));

  async function adopt(template: TemplateSummary) {
    setBusy(template.id);
    setFailure(undefined);
    try {
      const service = await call('POST /departments/:code/services/from-template', {
        params: { code: props.code },
        body: { templateId: template.id },
      });
      props.onAdopted(service);
    } catch (error) {
      setFailure({ id: template.id, text: errorMessage(error) });
    } finally {
      setBusy(undefined);
    }
  }

  const area = (group: { area: TemplateArea; items: TemplateSummary[] }) => (
    <section aria-labelledby={`area-${group.area}`} class="template-area">
      {props.headingLevel === 3 ? (
        <h3 id={`area-${group.area}`}>{t.templates.areas[group.area]}</h3>
      ) : (
        <h2 id={`area-${group.area}`}>{t.templates.areas[group.area]}</h2>
      )}
      <ul class="template-list">
        <For each={group.items}>
          {(template) => (
            <li class="template-card surface" data-testid={`template-${template.id}`}>
              <p class="template-name">{template.name}</p>
              <p>{template.summary}</p>
              <Contents template={template} />
              <Show
                when={!isAdopted(template.id)}
                fallback={
                  <p class="meta">
                    {t.templates.already(template.name)}{' '}
                    <A href={`/services/${encodeURIComponent(draftId(template.id))}/edit`}>
                      {t.templates.openInEditor}
                    </A>
                  </p>
                }
              >
                <button
                  type="button"
                  class="primary"
                  disabled={busy() !== undefined}
                  aria-label={t.templates.adopt(template.name)}
                  onClick={() => void adopt(template)}
                >
                  {busy() === template.id ? t.templates.adopting : t.templates.adopt(template.name)}
                </button>
              </Show>
              <Show when={failure()?.id === template.id}>
                <p class="notice error" role="alert">
                  {failure()?.text}
                </p>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );

  return (
    <Loaded of={templates}>
      <div class="template-library">
        <Show when={likely()} fallback={<For each={groups()}>{area}</For>}>
          <For each={groups().filter((g) => g.area === likely())}>{area}</For>
          <details class="template-others">
            <summary>{t.templates.otherAreas}</summary>
            <For each={groups().filter((g) => g.area !== likely())}>{area}</For>
          </details>
        </Show>
      </div>
    </Loaded>
  );
}

/** /departments/:code/templates: the library as a page; adopting opens the draft in the service editor. */
export default function TemplatesPage() {
  const params = useParams<{ code: string }>();
  const navigate = useNavigate();
  // The department's services, so a template adopted before says so and links its draft.
  const services = createLoader(() => params.code, api.departmentServices);
  return (
    <DepartmentPage code={params.code} back="services" title={t.templates.title(params.code)} intro={t.templates.intro}>
      <HeadOnly code={params.code} refusal={t.setup.headOnly}>
        <p>
          <A href={`/departments/${encodeURIComponent(params.code)}/setup`}>{t.setup.link}</A>
        </p>
        <TemplatePicker
          code={params.code}
          adopted={(services.value() ?? []).map((s) => s.id)}
          onAdopted={(service) => navigate(`/services/${encodeURIComponent(service.id)}/edit`)}
        />
      </HeadOnly>
    </DepartmentPage>
  );
}
