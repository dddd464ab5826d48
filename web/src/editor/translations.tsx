/**
 * The service's words in the portal's other languages (SPEC §9): name, summary, description, field
 * labels and help, inputs, deliverables, stages and the survey question. Empty means "as written".
 */
import { For } from 'solid-js';
import { LANGUAGES, type Language, type ServiceTranslation } from '#shared/model.ts';
import { t } from '../lib/strings.ts';
import type { BuilderProps } from './builder.tsx';
import { TextArea, TextField } from './controls.tsx';

export function TranslationsEditor(props: BuilderProps) {
  const words = (language: Language): ServiceTranslation => props.draft().translations?.[language] ?? {};
  const set = (language: Language, change: (w: ServiceTranslation) => ServiceTranslation, path: string) =>
    props.update(
      (d) => ({ ...d, translations: { ...d.translations, [language]: change(d.translations?.[language] ?? {}) } }),
      path,
    );
  const list = (language: Language, key: 'inputs' | 'deliverables' | 'stages', id: string, value: string) =>
    set(language, (w) => ({ ...w, [key]: { ...w[key], [id]: value } }), `translations.${language}.${key}.${id}`);
  const err = (path: string) => props.errors()[path];

  return (
    <section aria-labelledby="translations-title">
      <h2 id="translations-title">{t.editor.translationsTitle}</h2>
      <p class="hint">{t.editor.translationsHint}</p>
      <For each={LANGUAGES}>
        {(language) => {
          const at = (rest: string) => `translations.${language}.${rest}`;
          return (
            <details class="translation" open={Object.keys(words(language)).length > 0}>
              <summary lang={language}>{t.languageNames[language]}</summary>
              <TextField
                path={at('name')}
                label={t.editor.name}
                value={words(language).name ?? ''}
                error={err(at('name'))}
                onInput={(name) => set(language, (w) => ({ ...w, name }), at('name'))}
              />
              <TextField
                path={at('summary')}
                label={t.editor.summary}
                value={words(language).summary ?? ''}
                error={err(at('summary'))}
                onInput={(summary) => set(language, (w) => ({ ...w, summary }), at('summary'))}
              />
              <TextArea
                path={at('description')}
                label={t.editor.description}
                value={words(language).description ?? ''}
                error={err(at('description'))}
                onInput={(description) => set(language, (w) => ({ ...w, description }), at('description'))}
              />
              <For each={props.draft().form}>
                {(field) => (
                  <>
                    <TextField
                      path={at(`fields.${field.id}.label`)}
                      label={t.editor.translatedField(field.label)}
                      value={words(language).fields?.[field.id]?.label ?? ''}
                      error={err(at(`fields.${field.id}`))}
                      onInput={(label) =>
                        set(
                          language,
                          (w) => ({ ...w, fields: { ...w.fields, [field.id]: { ...w.fields?.[field.id], label } } }),
                          at(`fields.${field.id}`),
                        )
                      }
                    />
                    <TextField
                      path={at(`fields.${field.id}.help`)}
                      label={t.editor.translatedHelp(field.label)}
                      value={words(language).fields?.[field.id]?.help ?? ''}
                      onInput={(help) =>
                        set(
                          language,
                          (w) => ({ ...w, fields: { ...w.fields, [field.id]: { ...w.fields?.[field.id], help } } }),
                          at(`fields.${field.id}`),
                        )
                      }
                    />
                  </>
                )}
              </For>
              <For each={props.draft().inputs}>
                {(input) => (
                  <TextField
                    path={at(`inputs.${input.id}`)}
                    label={t.editor.translatedInput(input.label)}
                    value={words(language).inputs?.[input.id] ?? ''}
                    error={err(at(`inputs.${input.id}`))}
                    onInput={(value) => list(language, 'inputs', input.id, value)}
                  />
                )}
              </For>
              <For each={props.draft().deliverables}>
                {(deliverable) => (
                  <TextField
                    path={at(`deliverables.${deliverable.id}`)}
                    label={t.editor.translatedDeliverable(deliverable.label)}
                    value={words(language).deliverables?.[deliverable.id] ?? ''}
                    error={err(at(`deliverables.${deliverable.id}`))}
                    onInput={(value) => list(language, 'deliverables', deliverable.id, value)}
                  />
                )}
              </For>
              <For each={props.draft().stages}>
                {(stage) => (
                  <TextField
                    path={at(`stages.${stage.id}`)}
                    label={t.editor.translatedStage(stage.name)}
                    value={words(language).stages?.[stage.id] ?? ''}
                    error={err(at(`stages.${stage.id}`))}
                    onInput={(value) => list(language, 'stages', stage.id, value)}
                  />
                )}
              </For>
              <TextField
                path={at('surveyQuestion')}
                label={t.editor.surveyQuestion}
                value={words(language).surveyQuestion ?? ''}
                error={err(at('surveyQuestion'))}
                onInput={(surveyQuestion) => set(language, (w) => ({ ...w, surveyQuestion }), at('surveyQuestion'))}
              />
            </details>
          );
        }}
      </For>
    </section>
  );
}
