/**
 * /departments/:code/setup: a new department's guided setup, for its head. One step at a time in the
 * canvas's order (shared/setup.ts), each with a sentence saying what it is for and an example; every
 * step can be skipped and the page opens again where the head left (the progress is the server's).
 * Canvas answers and the calendar are saved on the department (PUT /departments/:code), services are
 * adopted from templates (or started empty, or imported from a spreadsheet) and published with their
 * own routes; the last step says what publishing does and ends on the department's page.
 */
import { A, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import { countryOfZone, HOLIDAY_COUNTRIES, type HolidayCountry, publicHolidays } from '#shared/holidays.ts';
import type { BusinessCalendar, Department, Service } from '#shared/model.ts';
import {
  CANVAS_OF_STEP,
  landingStep,
  SETUP_STEPS,
  type SetupStep,
  type SetupView,
  type StepMark,
  stepAfter,
  stepBefore,
} from '#shared/setup.ts';
import { CalendarEditor } from '../editor/CalendarEditor.tsx';
import { addHolidays, cleanCalendar } from '../editor/calendar.ts';
import { calendarProblems } from '../editor/calendar-check.ts';
import { TextArea } from '../editor/controls.tsx';
import { api, errorMessage, fieldErrors } from '../lib/api.ts';
import { call } from '../lib/client.ts';
import { DepartmentPage, HeadOnly } from '../lib/department-page.tsx';
import { SelectBox } from '../lib/fields.tsx';
import { standardWords } from '../lib/format.ts';
import { LiveNotice } from '../lib/live-notice.tsx';
import { createLoader, Loaded, type Loader } from '../lib/load.tsx';
import { controlId, type FieldErrors } from '../lib/paths.ts';
import { t } from '../lib/strings.ts';
import { TemplatePicker } from './TemplatePicker.tsx';
import './setup.css';

const setupPath = (code: string, step?: SetupStep) =>
  `/departments/${encodeURIComponent(code)}/setup${step ? `?step=${step}` : ''}`;

/** The fields PUT /departments/:code takes, from the department as read. */
const fieldsOf = (d: Department) => ({
  name: d.name,
  contactEmail: d.contactEmail,
  headId: d.headId,
  calendar: d.calendar,
  canvas: d.canvas,
  version: d.version,
});

/** A calendar as suggested: with no holidays yet, the likely country's for this year and the next. */
function suggested(calendar: BusinessCalendar): { calendar: BusinessCalendar; country: HolidayCountry | undefined } {
  const country = countryOfZone(calendar.timeZone);
  if (!country || calendar.holidays.length > 0 || calendar.always) return { calendar, country };
  const year = new Date().getFullYear();
  const days = [...publicHolidays(country, year), ...publicHolidays(country, year + 1)];
  return { calendar: { ...calendar, holidays: addHolidays([], days).holidays }, country };
}

export default function SetupPage() {
  const params = useParams<{ code: string }>();
  // The department's page, read once: its name titles the setup ("Set up Legal"), the steps use the rest.
  const page = createLoader(() => params.code, api.department);
  return (
    <DepartmentPage
      code={params.code}
      title={t.setup.title(page.value()?.department.name ?? params.code)}
      intro={t.setup.intro}
    >
      <HeadOnly code={params.code} refusal={t.setup.headOnly}>
        <Guided code={params.code} page={page} />
      </HeadOnly>
    </DepartmentPage>
  );
}

function Guided(props: { code: string; page: Loader<Awaited<ReturnType<typeof api.department>>> }) {
  const [search, setSearch] = useSearchParams<{ step?: string }>();
  const progress = createLoader(
    () => props.code,
    (code: string) => call('GET /departments/:code/setup', { params: { code } }),
  );
  const page = props.page;
  const services = createLoader(() => props.code, api.departmentServices);
  const both = createMemo(() => {
    const p = progress.value();
    const d = page.value();
    return p && d ? { progress: p, department: d.department } : undefined;
  });
  const step = createMemo<SetupStep>(() =>
    landingStep(progress.value()?.progress ?? { department: '', marks: {} }, search.step),
  );
  // Coming back without naming a step, after some were done: say so once.
  const resumed = createMemo(() => !search.step && Object.keys(progress.value()?.progress.marks ?? {}).length > 0);

  return (
    <Loaded of={{ ...progress, value: both }}>
      {(data) => (
        <div class="setup-layout">
          <nav class="setup-steps" aria-label={t.setup.stepsLabel}>
            <ol>
              <For each={data().progress.steps}>
                {(s) => (
                  <li>
                    <A href={setupPath(props.code, s.step)} aria-current={s.step === step() ? 'step' : undefined}>
                      {t.setup.steps[s.step].name}
                    </A>{' '}
                    <span class="meta">({t.setup.state[s.state]})</span>
                  </li>
                )}
              </For>
            </ol>
          </nav>
          <div>
            <Show when={resumed()}>
              <p class="notice success" role="status">
                {t.setup.resumed}
              </p>
            </Show>
            <Step
              code={props.code}
              step={step()}
              department={data().department}
              services={services.value() ?? []}
              onDepartment={(department) => {
                const current = page.value();
                if (current) page.set({ ...current, department });
              }}
              onServices={() => void services.reload()}
              onProgress={(view) => progress.set(view)}
              go={(next) => setSearch({ step: next })}
            />
          </div>
        </div>
      )}
    </Loaded>
  );
}

function Step(props: {
  code: string;
  step: SetupStep;
  department: Department;
  services: Service[];
  onDepartment: (department: Department) => void;
  onServices: () => void;
  onProgress: (view: SetupView) => void;
  go: (step: SetupStep) => void;
}) {
  const navigate = useNavigate();
  const words = () => t.setup.steps[props.step];
  const canvasKey = () => CANVAS_OF_STEP[props.step];
  const index = () => SETUP_STEPS.indexOf(props.step) + 1;
  const [text, setText] = createSignal('');
  const [calendar, setCalendar] = createSignal<BusinessCalendar>(props.department.calendar);
  const [country, setCountry] = createSignal<HolidayCountry | ''>('');
  /** The country whose holidays were filled in for the head, said above the calendar. */
  const [filledIn, setFilledIn] = createSignal<HolidayCountry>();
  const [year, setYear] = createSignal(new Date().getFullYear());
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [failure, setFailure] = createSignal<string>();
  const [note, setNote] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);

  // Each step starts from what the department says now (and the calendar from the suggestion).
  createEffect(
    on(
      () => props.step,
      () => {
        const key = canvasKey();
        setText(key ? props.department.canvas[key] : '');
        const start = suggested(props.department.calendar);
        setCalendar(start.calendar);
        setCountry(start.country ?? '');
        setFilledIn(start.calendar !== props.department.calendar ? start.country : undefined);
        setErrors({});
        setFailure(undefined);
        setNote(undefined);
        queueMicrotask(() => document.getElementById('setup-step-title')?.focus());
      },
    ),
  );

  async function mark(step: SetupStep, mark: StepMark) {
    const view = await call('PUT /departments/:code/setup', {
      params: { code: props.code },
      body: { step, mark },
    });
    props.onProgress(view);
    return view;
  }

  async function saveDepartment(): Promise<boolean> {
    const key = canvasKey();
    const fields = fieldsOf(props.department);
    if (props.step === 'calendar') {
      const found = calendarProblems(calendar());
      if (Object.keys(found).length > 0) {
        setErrors(found);
        // The marked fields may be far above the button: say so here, and take the reader to the first.
        setFailure(t.setup.fixMarked);
        queueMicrotask(() => document.querySelector<HTMLElement>('.setup-step [aria-invalid="true"]')?.focus());
        return false;
      }
      fields.calendar = cleanCalendar(calendar());
    } else if (key) {
      if (text() === props.department.canvas[key]) return true;
      fields.canvas = { ...fields.canvas, [key]: text() };
    } else {
      return true;
    }
    const saved = await api.updateDepartment(props.code, fields);
    props.onDepartment(saved);
    return true;
  }

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setFailure(undefined);
    try {
      await action();
    } catch (error) {
      setErrors(fieldErrors(error));
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  // The step acted on is taken before any answer: the page may move on as the progress arrives.
  const forward = (from: SetupStep) => {
    const next = stepAfter(from);
    if (next) props.go(next);
  };

  const saveAndContinue = () => {
    const here = props.step;
    return run(async () => {
      if (!(await saveDepartment())) return;
      await mark(here, 'done');
      forward(here);
    });
  };
  const skip = () => {
    const here = props.step;
    return run(async () => {
      await mark(here, 'skipped');
      forward(here);
    });
  };
  const finish = () =>
    run(async () => {
      await mark('publish', 'done');
      navigate(`/departments/${encodeURIComponent(props.code)}`);
    });

  const publish = (service: Service) =>
    run(async () => {
      await api.publishService(service.id, service.version);
      setNote(t.setup.published(service.name));
      props.onServices();
    });

  const addCountry = () => {
    const c = country();
    if (!c) return;
    const merged = addHolidays(calendar().holidays, publicHolidays(c, year()));
    setCalendar({ ...calendar(), holidays: merged.holidays });
    setNote(t.setup.calendar.added(merged.added));
  };

  const years = () => {
    const now = new Date().getFullYear();
    return [now, now + 1, now + 2].map((y) => ({ value: String(y), label: String(y) }));
  };

  return (
    <section aria-labelledby="setup-step-title" class="setup-step" data-testid="setup-step">
      <p class="meta">{t.setup.stepOf(index(), SETUP_STEPS.length)}</p>
      <h2 id="setup-step-title" tabIndex={-1}>
        {words().name}
      </h2>
      <p>{words().explain}</p>
      <p class="setup-example">
        <strong>{t.setup.example}:</strong> {words().example}
      </p>

      <Show when={canvasKey()}>
        <TextArea
          path={`canvas.${canvasKey()}`}
          label={t.setup.answer}
          value={text()}
          error={errors()[`canvas.${canvasKey()}`]}
          onInput={setText}
          rows={4}
        />
      </Show>

      <Show when={props.step === 'calendar'}>
        <p class="hint">{t.setup.calendar.defaults}</p>
        <Show when={filledIn()}>
          {(c) => (
            <p class="hint">
              {t.setup.calendar.suggestedHolidays(t.setup.calendar.countries[c()], new Date().getFullYear())}
            </p>
          )}
        </Show>
        <div class="setup-actions">
          <SelectBox<HolidayCountry | ''>
            id={controlId('setup.country')}
            label={t.setup.calendar.country}
            value={country()}
            options={[
              { value: '', label: t.setup.calendar.noCountry },
              ...HOLIDAY_COUNTRIES.map((c) => ({ value: c, label: t.setup.calendar.countries[c] })),
            ]}
            onChange={setCountry}
          />
          <SelectBox<string>
            id={controlId('setup.year')}
            label={t.setup.calendar.year}
            value={String(year())}
            options={years()}
            onChange={(y) => setYear(Number(y))}
          />
        </div>
        <p>
          <button type="button" disabled={!country()} onClick={addCountry}>
            {t.setup.calendar.addHolidays}
          </button>
        </p>
        <CalendarEditor calendar={calendar()} errors={errors()} onChange={setCalendar} />
      </Show>

      <Show when={props.step === 'processes'}>
        <h3>{t.templates.link}</h3>
        <p>
          {t.setup.noTemplate}{' '}
          <A href={`/departments/${encodeURIComponent(props.code)}/services/new`}>{t.setup.emptyService}</A>
          {' · '}
          <A href={`/departments/${encodeURIComponent(props.code)}/transfer`}>{t.setup.fromSheet}</A>
        </p>
        <TemplatePicker
          code={props.code}
          departmentName={props.department.name}
          headingLevel={3}
          adopted={props.services.map((s) => s.id)}
          onAdopted={(service) => {
            setNote(t.setup.adoptedNext(service.name));
            props.onServices();
          }}
        />
      </Show>

      <Show when={props.step === 'standards' || props.step === 'publish'}>
        <Show when={props.step === 'publish' && !props.services.some((s) => s.status === 'published')}>
          <p class="notice warning" data-testid="nothing-published">
            {t.setup.nothingPublished(props.code)}
          </p>
        </Show>
        <h3>{t.setup.drafts}</h3>
        <Show when={props.services.length > 0} fallback={<p class="empty">{t.setup.noDrafts}</p>}>
          <ul class="setup-drafts">
            <For each={props.services}>
              {(service) => (
                <li data-testid={`draft-${service.id}`}>
                  <A href={`/services/${encodeURIComponent(service.id)}/edit`} aria-label={t.setup.edit(service.name)}>
                    {service.name}
                  </A>
                  <span class="meta">{standardWords(service.standard)}</span>
                  <Show when={props.step === 'publish'}>
                    <Show
                      when={service.status !== 'published'}
                      fallback={<span class="meta">{t.setup.alreadyPublished}</span>}
                    >
                      <button type="button" class="primary" disabled={busy()} onClick={() => void publish(service)}>
                        {t.setup.publishOne(service.name)}
                      </button>
                    </Show>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>

      <LiveNotice text={note()} />
      <Show when={failure()}>
        <p class="notice error" role="alert">
          {failure()}
        </p>
      </Show>

      <div class="setup-actions">
        <Show
          when={props.step !== 'publish'}
          fallback={
            <button type="button" class="primary" disabled={busy()} onClick={() => void finish()}>
              {t.setup.finish}
            </button>
          }
        >
          <button type="button" class="primary" disabled={busy()} onClick={() => void saveAndContinue()}>
            {t.setup.saveNext}
          </button>
          <button type="button" disabled={busy()} onClick={() => void skip()}>
            {t.setup.skip}
          </button>
        </Show>
        <Show when={stepBefore(props.step)}>
          {(before) => (
            <button type="button" class="link-button" onClick={() => props.go(before())}>
              {t.setup.back}
            </button>
          )}
        </Show>
      </div>
    </section>
  );
}
