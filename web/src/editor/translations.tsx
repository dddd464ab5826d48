/**
 * The service's words in the portal's other languages (SPEC §9): name, summary, description, field
 * labels and help, inputs, deliverables, stages and the survey question. Empty means "as written".
 */
import { For } from 'solid-js';
import { LANGUAGES, type Language, type ServiceTranslation } from '#shared/model.ts';
import { TextBox } from '../lib/fields.tsx';
import { controlId } from '../lib/paths.ts';
import { t } from '../lib/strings.ts';
import type { BuilderProps } from './builder.tsx';

type Words = ServiceTranslation;
type Text = 'name' | 'summary' | 'description' | 'surveyQuestion';
type Named = 'inputs' | 'deliverables' | 'stages';

export function TranslationsEditor(props: BuilderProps) {
  const words = (language: Language): Words => props.draft().translations?.[language] ?? {};
  const set = (language: Language, change: (w: Words) => Words, path: string) =>
    props.update(
      (d) => ({ ...d, translations: { ...d.translations, [language]: change(d.translations?.[language] ?? {}) } }),
      path,
    );
  const named: Record<Named, (label: string) => string> = {
    inputs: t.editor.translatedInput,
    deliverables: t.editor.translatedDeliverable,
    stages: t.editor.translatedStage,
  };
  const itemsOf = (key: Named) =>
    props.draft()[key].map((item) => ({ id: item.id, label: 'label' in item ? item.label : item.name }));

  return (
    <section aria-labelledby="translations-title">
      <h2 id="translations-title">{t.editor.translationsTitle}</h2>
      <p class="hint">{t.editor.translationsHint}</p>
      <For each={LANGUAGES}>
        {(language) => {
          const at = (rest: string) => `translations.${language}.${rest}`;
          /** One translated text; `errorAt` is where its message is kept (none when null). */
          const box = (
            path: string,
            label: string,
            value: () => string | undefined,
            change: (w: Words, value: string) => Words,
            errorAt: string | null = path,
          ) => (
            <TextBox
              id={controlId(at(path))}
              label={label}
              rows={path === 'description' ? 3 : undefined}
              value={value() ?? ''}
              error={errorAt === null ? undefined : props.errors()[at(errorAt)]}
              onInput={(v) => set(language, (w) => change(w, v), at(errorAt ?? path.replace(/\.help$/, '')))}
            />
          );
          const text = (key: Text, label: string) =>
            box(
              key,
              label,
              () => words(language)[key],
              (w, v) => ({ ...w, [key]: v }),
            );
          const field = (id: string, part: 'label' | 'help') => (w: Words, v: string) => ({
            ...w,
            fields: { ...w.fields, [id]: { ...w.fields?.[id], [part]: v } },
          });
          return (
            <details class="translation" open={Object.keys(words(language)).length > 0}>
              <summary lang={language}>{t.languageNames[language]}</summary>
              {text('name', t.editor.name)}
              {text('summary', t.editor.summary)}
              {text('description', t.editor.description)}
              <For each={props.draft().form}>
                {(f) => (
                  <>
                    {box(
                      `fields.${f.id}.label`,
                      t.editor.translatedField(f.label),
                      () => words(language).fields?.[f.id]?.label,
                      field(f.id, 'label'),
                      `fields.${f.id}`,
                    )}
                    {box(
                      `fields.${f.id}.help`,
                      t.editor.translatedHelp(f.label),
                      () => words(language).fields?.[f.id]?.help,
                      field(f.id, 'help'),
                      null,
                    )}
                  </>
                )}
              </For>
              <For each={['inputs', 'deliverables', 'stages'] as const}>
                {(key) => (
                  <For each={itemsOf(key)}>
                    {(item) =>
                      box(
                        `${key}.${item.id}`,
                        named[key](item.label),
                        () => words(language)[key]?.[item.id],
                        (w, v) => ({ ...w, [key]: { ...w[key], [item.id]: v } }),
                      )
                    }
                  </For>
                )}
              </For>
              {text('surveyQuestion', t.editor.surveyQuestion)}
            </details>
          );
        }}
      </For>
    </section>
  );
}
