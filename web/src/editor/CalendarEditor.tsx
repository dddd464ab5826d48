/**
 * The business-calendar editor (SPEC §2, §14.9): time zone, working intervals per weekday (breaks
 * are several intervals), 24×7, holidays, and holidays imported from an iCal file in the browser.
 */

import { createSignal, For, Index, Show } from 'solid-js';
import { parseIcalHolidays } from '#shared/ical.ts';
import type { BusinessCalendar } from '#shared/model.ts';
import { sayField } from '../i18n/refusals.ts';
import { Chips, Field } from '../lib/fields.tsx';
import { controlId, type FieldErrors } from '../lib/paths.ts';
import { t } from '../lib/strings.ts';
import {
  addHolidays,
  addInterval,
  COMMON_TIME_ZONES,
  changeInterval,
  copyDay,
  intervalsOf,
  isDate,
  removeHoliday,
  removeInterval,
  WEEKDAYS,
  type Weekday,
} from './calendar.ts';
import { CheckField, describedBy, FieldError, SectionError, TextField } from './controls.tsx';

export function CalendarEditor(props: {
  calendar: BusinessCalendar;
  onChange: (calendar: BusinessCalendar) => void;
  /** Messages keyed by full path ("calendar.hours.1.0.start"). */
  errors: FieldErrors;
}) {
  const [holiday, setHoliday] = createSignal('');
  const [holidayError, setHolidayError] = createSignal<string>();
  const [importNote, setImportNote] = createSignal<{ text: string; problems: string[]; failed: boolean }>();
  const cal = () => props.calendar;
  const set = (next: BusinessCalendar) => props.onChange(next);

  function addHoliday() {
    const date = holiday().trim();
    if (!isDate(date)) {
      setHolidayError(t.calendar.holidayBad);
      document.getElementById(controlId('calendar.holidayAdd'))?.focus();
      return;
    }
    setHolidayError(undefined);
    set({ ...cal(), holidays: addHolidays(cal().holidays, [date]).holidays });
    setHoliday('');
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    try {
      const text = await file.text();
      const { dates, problems } = parseIcalHolidays(text);
      const merged = addHolidays(cal().holidays, dates);
      set({ ...cal(), holidays: merged.holidays });
      setImportNote({
        text: t.calendar.imported(merged.added, dates.length),
        problems: problems.map((p) => sayField(p)),
        failed: false,
      });
    } catch {
      setImportNote({ text: t.calendar.importFailed, problems: [], failed: true });
    }
  }

  const dayName = (day: Weekday) => t.calendar.weekdays[day] ?? day;

  return (
    <fieldset class="field calendar-editor">
      <legend>{t.calendar.title}</legend>
      <TextField
        path="calendar.timeZone"
        label={t.calendar.timeZone}
        hint={t.calendar.timeZoneHint}
        required
        list="time-zones"
        value={cal().timeZone}
        error={props.errors['calendar.timeZone']}
        onInput={(timeZone) => set({ ...cal(), timeZone })}
      />
      <datalist id="time-zones">
        <For each={COMMON_TIME_ZONES}>{(zone) => <option value={zone} />}</For>
      </datalist>

      <CheckField
        path="calendar.always"
        label={t.calendar.always}
        checked={cal().always === true}
        onChange={(always) => set({ ...cal(), always })}
      />

      <div classList={{ 'calendar-hours': true, muted: cal().always === true }}>
        <h4 id="hours-title">{t.calendar.hoursTitle}</h4>
        <p class="hint">{t.calendar.hoursHint}</p>
        <SectionError path="calendar.hours" errors={props.errors} />
        <ul class="weekdays" aria-labelledby="hours-title">
          <For each={WEEKDAYS}>
            {(day) => (
              <li class="weekday">
                <span class="weekday-name" id={`day-${day}`}>
                  {dayName(day)}
                </span>
                <div class="intervals">
                  <Show when={intervalsOf(cal(), day).length === 0}>
                    <span class="meta">{t.calendar.closed}</span>
                  </Show>
                  <Index each={intervalsOf(cal(), day)}>
                    {(interval, i) => {
                      const path = (end: 'start' | 'end') => `calendar.hours.${day}.${i}.${end}`;
                      return (
                        <div class="interval">
                          <For each={['start', 'end'] as const}>
                            {(end) => (
                              <span class="time">
                                <label for={controlId(path(end))} class="visually-hidden">
                                  {end === 'start'
                                    ? t.calendar.from(dayName(day), i + 1)
                                    : t.calendar.to(dayName(day), i + 1)}
                                </label>
                                <input
                                  id={controlId(path(end))}
                                  type="text"
                                  inputmode="numeric"
                                  size={5}
                                  maxLength={5}
                                  placeholder="09:00"
                                  value={interval()[end]}
                                  aria-invalid={props.errors[path(end)] ? 'true' : undefined}
                                  aria-describedby={describedBy({ path: path(end), error: props.errors[path(end)] })}
                                  onInput={(e) => set(changeInterval(cal(), day, i, { [end]: e.currentTarget.value }))}
                                />
                              </span>
                            )}
                          </For>
                          <button
                            type="button"
                            class="small secondary"
                            aria-label={t.calendar.removeInterval(dayName(day), i + 1)}
                            onClick={() => {
                              set(removeInterval(cal(), day, i));
                              queueMicrotask(() => document.getElementById(`add-hours-${day}`)?.focus());
                            }}
                          >
                            ×
                          </button>
                          <FieldError path={path('start')} error={props.errors[path('start')]} />
                          <FieldError path={path('end')} error={props.errors[path('end')]} />
                        </div>
                      );
                    }}
                  </Index>
                  <button
                    id={`add-hours-${day}`}
                    type="button"
                    class="small secondary"
                    aria-label={t.calendar.addInterval(dayName(day))}
                    onClick={() => set(addInterval(cal(), day))}
                  >
                    + {t.common.add}
                  </button>
                </div>
              </li>
            )}
          </For>
        </ul>
        <button type="button" class="secondary small" onClick={() => set(copyDay(cal(), '1', ['2', '3', '4', '5']))}>
          {t.calendar.copyMonday}
        </button>
      </div>

      <div class="holidays">
        <h4 id="holidays-title">{t.calendar.holidaysTitle}</h4>
        <SectionError path="calendar.holidays" errors={props.errors} />
        <Show when={cal().holidays.length > 0} fallback={<p class="meta">{t.calendar.holidaysEmpty}</p>}>
          <Chips
            labelledBy="holidays-title"
            items={cal().holidays}
            invalid={(i) => Boolean(props.errors[`calendar.holidays.${i}`])}
            text={(date) => <time datetime={date}>{date}</time>}
            removeLabel={(date) => t.calendar.holidayRemove(date)}
            onRemove={(date) => set({ ...cal(), holidays: removeHoliday(cal().holidays, date) })}
          />
        </Show>
        <For
          each={cal()
            .holidays.map((_, i) => `calendar.holidays.${i}`)
            .filter((p) => props.errors[p])}
        >
          {(p) => <p class="field-error">{props.errors[p]}</p>}
        </For>
        <div class="inline-add">
          <label for={controlId('calendar.holidayAdd')}>{t.calendar.holidayAdd}</label>
          <input
            id={controlId('calendar.holidayAdd')}
            type="date"
            value={holiday()}
            aria-invalid={holidayError() ? 'true' : undefined}
            aria-describedby={holidayError() ? `${controlId('calendar.holidayAdd')}-error` : undefined}
            onInput={(e) => setHoliday(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addHoliday();
              }
            }}
          />
          <button type="button" class="secondary small" onClick={addHoliday}>
            {t.calendar.holidayAddButton}
          </button>
        </div>
        <FieldError path="calendar.holidayAdd" error={holidayError()} />

        <Field id="ical-import" label={t.calendar.importLabel} hint={t.calendar.importHint}>
          <input
            id="ical-import"
            type="file"
            accept=".ics,text/calendar"
            aria-describedby="ical-import-hint ical-import-result"
            onChange={(e) => {
              void importFile(e.currentTarget.files?.[0]);
              e.currentTarget.value = '';
            }}
          />
          <div id="ical-import-result" aria-live="polite">
            <Show when={importNote()}>
              {(note) => (
                <div classList={{ notice: true, error: note().failed, success: !note().failed }}>
                  <p>{note().text}</p>
                  <Show when={note().problems.length > 0}>
                    <p>{t.calendar.importProblems}</p>
                    <ul>
                      <For each={note().problems}>{(p) => <li>{p}</li>}</For>
                    </ul>
                  </Show>
                </div>
              )}
            </Show>
          </div>
        </Field>
      </div>
    </fieldset>
  );
}
