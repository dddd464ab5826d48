/**
 * Every refusal in Russian, typed by the catalogue like the English words (a missing or extra code
 * fails the typecheck). Counted nouns take Russian plural forms (one / few / many).
 */
import type { RefusalWords } from './refusal-words.en.ts';

const rules = new Intl.PluralRules('ru');
/** "1 день", "2 дня", "5 дней". */
const count = (n: number, one: string, few: string, many: string) => {
  const rule = rules.select(n);
  return `${n.toLocaleString('ru-RU')} ${rule === 'one' ? one : rule === 'few' ? few : many}`;
};
/** Days in the genitive after "не более" / "не менее": "1 дня", "2 дней", "5 дней". */
const daysGen = (n: number) => count(n, 'дня', 'дней', 'дней');
const days = (n: number) => count(n, 'день', 'дня', 'дней');
const list = (items: readonly string[]) => items.join(', ');
const WEEKDAYS = ['Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота', 'Воскресенье'];
const weekday = (day: number) => WEEKDAYS[day - 1] ?? String(day);
const TYPES: Readonly<Record<string, string>> = {
  string: 'текст',
  number: 'число',
  boolean: 'значение «да» или «нет»',
  array: 'список',
  object: 'объект',
};
/** An iCalendar event by its title, or said to have none. */
const event = (title: string) => (title ? `«${title}»` : 'без названия');
const megabytes = (bytes: number) => `${(Math.round((bytes / (1024 * 1024)) * 10) / 10).toLocaleString('ru-RU')} МБ`;

export const russianRefusals: RefusalWords = {
  invalid_request: () => 'Часть отправленных данных неверна.',
  not_json: () => 'Тело запроса должно быть в формате JSON.',
  bad_characters: () => 'Запрос содержит символы, которые Ordo не принимает.',
  bad_request: () => 'Не удалось обработать запрос.',
  link_expired: () => 'Срок действия ссылки истёк. Откройте заявку в Ordo, чтобы ответить.',
  link_invalid: () => 'Ссылка недействительна. Откройте заявку в Ordo, чтобы ответить.',
  survey_link_expired: () =>
    'Срок действия ссылки на опрос истёк. Всё равно спасибо; прокомментировать заявку можно в Ordo.',
  survey_link_invalid: () => 'Ссылка на опрос недействительна. Откройте заявку в Ordo, чтобы её оценить.',

  unauthorized: () => 'Войдите, чтобы пользоваться Ordo.',
  sign_in_required: () => 'Войдите, чтобы пользоваться Ordo.',
  sign_in_again: () => 'Войдите снова, чтобы пользоваться Ordo.',
  sign_in_invalid: () => 'Вход недействителен или устарел. Войдите снова.',
  token_invalid: () => 'Этот API-токен неизвестен, отозван или истёк.',

  forbidden: () => 'Вам нельзя это делать.',
  admin_only: () => 'Это может сделать только администратор.',
  head_only: () => 'Это может сделать только руководитель отдела.',
  team_only: () => 'Это может сделать только команда.',
  requester_only: () => 'Это может сделать только заказчик.',
  requester_or_team_only: () => 'Это может сделать только заказчик или команда.',
  token_scope: () => 'Этому API-токену это недоступно: его разрешения этого не включают.',
  tokens_only: () => 'Это может вызывать только API-токен служебной учётной записи.',
  not_offered: (p) => `Услуга «${p.service}» вам не предлагается.`,
  part_not_offered: (p) => `Услуга «${p.service}», входящая в этот набор, вам не предлагается.`,
  action_not_yours: () => 'У вас нет прав на это действие.',

  not_found: () => 'Не удалось это найти. Возможно, оно удалено или ссылка неверна.',
  route_not_found: (p) => `Маршрута ${p.method} ${p.path} нет.`,
  nothing_here: (p) => `В ${p.department} для вас ничего нет.`,
  order_not_found: (p) => `Нет доступной вам заявки ${p.number}.`,
  department_not_found: (p) => `Отдела ${p.code} нет.`,
  service_not_found: (p) => `Услуги ${p.id} нет.`,
  person_not_found: (p) => `Пользователя ${p.id} нет.`,
  template_not_found: (p) => `Шаблона услуги ${p.id} нет.`,
  file_not_found: () => 'У заявки нет такого файла.',
  input_not_found: (p) => `У заявки нет материала ${p.id}.`,
  deliverable_not_found: (p) => `У заявки нет результата ${p.id}.`,
  follow_up_not_found: (p) => `Разбора по заявке ${p.number} нет.`,
  link_gone: () => 'Эта ссылка больше недействительна.',
  question_closed: () => 'На этот вопрос уже ответили или он отозван.',
  survey_link_earlier: () => 'Эта ссылка на опрос относится к более раннему выполнению заявки.',
  service_not_owned: () => 'Вы не владелец этой услуги.',
  report_period_reversed: () => 'Период заканчивается раньше, чем начинается.',
  report_too_long: (p) => `Отчёт охватывает не более ${daysGen(p.maxDays)}.`,

  conflict: () => 'Кто-то другой изменил это одновременно с вами. Обновите страницу и повторите попытку.',
  order_changed: (p) => `Заявку ${p.number} изменил кто-то другой. Обновите страницу и повторите попытку.`,
  service_changed: (p) => `Услугу ${p.id} изменил кто-то другой. Обновите страницу и повторите попытку.`,
  department_changed: (p) => `Отдел ${p.code} изменил кто-то другой. Обновите страницу и повторите попытку.`,
  department_exists: (p) => `Отдел ${p.code} уже существует.`,
  service_exists: (p) => `Услуга с идентификатором ${p.id} уже существует. Выберите другой идентификатор.`,
  idempotency_key_reused: () => 'Этот Idempotency-Key уже использован для другой заявки.',
  follow_up_closed: () => 'Этот разбор уже закрыт.',

  payload_too_large: (p) => `Запрос больше ${p.maxKb} КБ.`,
  unsupported_media_type: () => 'Отправьте тело запроса в формате JSON (Content-Type: application/json).',

  rule_violation: () => 'Сейчас это сделать нельзя.',
  action_not_now: () => 'В текущем статусе заявки это сделать нельзя.',
  rejection_reason_needed: (p) => `Для отклонения укажите одну из причин: ${list(p.reasons)}.`,
  inputs_missing: (p) => `Ещё не хватает: ${list(p.items)}.`,
  inputs_not_marked: () => 'Сначала отметьте, какие материалы неполные.',
  deliverables_unticked: (p) => `Не отмечены результаты: ${list(p.items)}.`,
  reopen_window_passed: () => 'Срок, в течение которого можно открыть заявку снова, истёк.',
  cancel_reason_needed: () => 'Укажите, почему заявка отменяется.',
  reopen_reason_needed: () => 'Укажите, чего не хватает или что не так.',
  inputs_closed: () => 'Эта заявка больше не принимает материалы.',
  deliverables_closed: () => 'Отмечать результаты можно, только пока заявка в работе.',
  stages_closed: () => 'Менять этапы можно, только пока заявка в работе.',
  handoff_closed: () => 'Передать можно только заявку, которая находится в работе.',
  no_survey: () => 'Для этой заявки опроса нет.',
  attachments_off: () => 'Вложения не настроены.',
  part_unavailable: (p) => `Часть этого набора (${p.serviceId}) сейчас недоступна.`,
  part_invalid: (p) => `Набор не может заполнить «${p.service}».`,

  too_many_requests: (p) => `Слишком много изменений за короткое время. Повторите через ${p.seconds} с.`,
  unexpected: () => 'На нашей стороне что-то пошло не так. Повторите попытку; если ошибка не исчезнет, сообщите в ИТ.',
  unavailable: () => 'Сейчас Ordo не может связаться со своим хранилищем. Повторите попытку чуть позже.',

  required: () => 'Обязательное поле.',
  too_long: (p) => `Не более ${count(p.max, 'символа', 'символов', 'символов')}.`,
  too_short: (p) => `Не менее ${count(p.min, 'символа', 'символов', 'символов')}.`,
  too_many: (p) => `Не более ${p.max}.`,
  too_few: (p) => `Выберите не менее ${p.min}.`,
  too_big: (p) => `Не более ${p.max}.`,
  too_small: (p) => `Не менее ${p.min}.`,
  must_exceed: (p) => `Должно быть больше ${p.min}.`,
  must_be_below: (p) => `Должно быть меньше ${p.max}.`,
  not_integer: () => 'Введите целое число.',
  wrong_type: (p) => `Ожидается ${TYPES[p.expected] ?? p.expected}.`,
  not_option: () => 'Выберите один из вариантов.',
  unknown_keys: (p) => `Здесь не ожидается: ${list(p.keys)}.`,
  one_line: () => 'Уместите это в одну строку, без управляющих символов.',
  bad_format: () => 'Неверный формат.',
  not_email: () => 'Введите адрес эл. почты вида name@example.com.',
  not_number: () => 'Введите число.',
  duration_unreadable: () => 'Введите число с единицей, например 2 рабочих дня, 4 ч или 30 мин.',
  duration_not_positive: () => 'Введите срок больше нуля.',
  number_out_of_range: () => 'Это число слишком велико или слишком близко к нулю. Введите обычное число.',
  not_date: () => 'Введите дату в формате ГГГГ-ММ-ДД.',
  not_time: () => 'Используйте формат ЧЧ:ММ.',
  not_month: () => 'Используйте формат ГГГГ-ММ.',
  not_boolean: () => 'Поставьте или снимите флажок.',
  invalid: () => 'Недопустимое значение.',
  slug_format: () => 'Используйте латинские буквы, цифры, - или _ (до 60), начиная с буквы или цифры.',
  service_id_format: () => 'Используйте строчные латинские буквы, цифры, - или _ (до 60), начиная с буквы или цифры.',
  department_code_format: () => 'Используйте 2–10 заглавных латинских букв или цифр, начиная с буквы.',
  order_number_format: () => 'Это не номер заявки.',
  goal_id_format: () => 'Используйте строчные латинские буквы, цифры и дефисы.',
  file_name_format: () => 'Имя файла без папок.',
  file_type: () => 'Файлы этого типа не принимаются (PDF, PNG, JPEG, текст, CSV, ZIP).',
  file_too_big: (p) => `Размер файла — не больше ${megabytes(p.max)}.`,
  score_range: () => 'Поставьте оценку от 1 до 5.',
  idempotency_key_format: () => 'Используйте 8–100 латинских букв, цифр, - или _.',
  use_json: () => 'Используйте application/json.',
  json_object: () => 'Отправьте объект JSON.',
  control_characters: () => 'Удалите управляющие и повреждённые символы.',
  pattern_unsupported: () =>
    'В шаблоне используется просмотр вперёд, просмотр назад или обратная ссылка, которые Ordo не поддерживает. Запишите его без них.',
  pattern_too_large: () =>
    'Шаблон слишком велик для быстрой проверки (повтор больше 1000 или много длинных повторов). Сократите его.',
  pattern_invalid: () => 'Этот шаблон не является допустимым регулярным выражением.',
  id_used_twice: (p) => `Идентификатор ${p.id} использован дважды.`,
  options_needed: () => 'Полю выбора нужен хотя бы один вариант.',
  max_below_min: () => 'Максимум меньше минимума.',
  depends_on_later: () => 'Поле может зависеть только от поля, расположенного выше.',
  condition_values_or_bounds: () =>
    'Укажите либо значения для совпадения, либо число для сравнения, но не то и другое.',
  condition_needs_number: () => 'Больше или меньше значения может быть только числовое поле.',
  condition_field_unknown: () => 'Укажите поле этой формы.',
  date_rules_date_only: () => 'Правила дат есть только у поля даты.',
  date_field_needed: () => 'Укажите другое поле даты этой формы.',
  title_field_sensitive: (p) =>
    `Поле {${p.id}} отмечено как конфиденциальное: его ответ нельзя включать в заголовок, который попадает в письма.`,
  title_field_unknown: (p) => `В форме нет поля {${p.id}}.`,
  date_after_field: (p) =>
    p.days === 0
      ? `Должно быть не раньше, чем ${p.field}.`
      : p.days === 1
        ? `Должно быть позже, чем ${p.field}.`
        : `Должно быть не менее чем через ${days(p.days)} после ${p.field}.`,
  date_before_field: (p) =>
    p.days === 0
      ? `Должно быть не позже, чем ${p.field}.`
      : p.days === 1
        ? `Должно быть раньше, чем ${p.field}.`
        : `Должно быть не менее чем за ${days(p.days)} до ${p.field}.`,
  date_in_past: () => 'Дата не должна быть в прошлом.',
  date_too_far: (p) => `Должно быть в пределах ${daysGen(p.days)} от сегодняшнего дня.`,
  input_field_needed: () => 'Укажите поле формы, которое содержит этот материал.',
  nothing_to_translate: (p) => `Нет элемента ${p.id} для перевода.`,
  first_response_after_resolution: () => 'Срок первого ответа не может быть позже срока выполнения.',
  stage_needed: () => 'Услуге нужен хотя бы один этап.',
  approver_needed: () => 'Укажите хотя бы одного согласующего.',
  period_reversed: () => 'Период заканчивается раньше, чем начинается.',
  period_too_long: (p) => `Цель охватывает не более ${daysGen(p.maxDays)}.`,
  share_at_most_one: () => 'Доля не может превышать 1 (100 %).',
  time_too_long: () => 'Слишком большое время.',
  shorter_than_window: () => 'Должно быть короче окна.',
  nothing_to_change: () => 'Укажите, что изменить.',
  unknown_file: () => 'Неизвестный файл.',
  upload_again: () => 'Этот файл не был загружен или слишком долго ждал прикрепления. Загрузите его снова.',
  unknown_items: (p) => `Неизвестно: ${list(p.ids)}.`,
  unknown_people: (p) => `Таких пользователей нет: ${list(p.ids)}.`,
  unknown_person: () => 'Такого пользователя нет.',
  unknown_departments: (p) => `Нет отдела ${list(p.codes)}.`,
  unknown_service: () => 'Такой услуги нет.',
  unknown_input: () => 'Такого материала нет.',
  unknown_deliverable: () => 'Такого результата нет.',
  unknown_stage: () => 'У этой услуги нет такого этапа.',
  unknown_template: () => 'Такого шаблона нет.',
  not_agent: () => 'Не исполнитель этого отдела.',
  not_asked: (p) => `Не запрашивалось: ${list(p.ids)}.`,
  own_department: () => 'Это услуга вашего собственного отдела.',
  service_lacks_input: (p) => `У услуги ${p.service} нет материала ${p.input}.`,
  id_taken: (p) => `Услуга с идентификатором ${p.id} уже существует.`,
  id_token_invalid: () => 'Недействительный ID-токен для Ordo.',
  id_token_other_person: () => 'ID-токен выдан другому человеку.',
  id_token_no_email: () => 'В ID-токене нет адреса эл. почты.',
  invalid_cursor: () => 'Недопустимый курсор.',
  inbound_address_format: () => 'Латинские буквы, цифры, точки, дефисы или подчёркивания, не более 63.',
  inbound_address_reserved: () => 'Адреса, начинающиеся с «order», служат для ответов по заявкам.',

  unknown_time_zone: (p) => `Часовой пояс «${p.zone}» не является известным поясом IANA (например, Europe/Moscow).`,
  not_weekday: (p) => `«${p.day}» — не день недели (используйте 1 = понедельник … 7 = воскресенье).`,
  hours_not_list: (p) => `${weekday(p.day)}: часы работы должны быть списком интервалов.`,
  start_not_time: (p) => `${weekday(p.day)}: начало «${p.value}» — не время (используйте ЧЧ:ММ, 00:00–23:59).`,
  end_not_time: (p) => `${weekday(p.day)}: конец «${p.value}» — не время (используйте ЧЧ:ММ, 00:00–24:00).`,
  interval_reversed: (p) =>
    `${weekday(p.day)}: ${p.interval} заканчивается раньше, чем начинается (смену через полночь разделите на два дня).`,
  intervals_overlap: (p) => `${weekday(p.day)}: ${p.first} пересекается с ${p.second}.`,
  holidays_not_list: () => 'Праздники должны быть списком дат.',
  holiday_not_date: (p) => `Праздник «${p.value}» — не дата (используйте ГГГГ-ММ-ДД).`,
  no_working_hours: () => 'В календаре нет рабочих часов.',

  ical_not_text: () => 'Файл не текстовый.',
  ical_too_large: (p) => `Файл больше ${p.maxMb} МБ.`,
  ical_not_calendar: () => 'Это не файл iCalendar (нет BEGIN:VCALENDAR).',
  ical_no_start: (p) => `У события ${event(p.event)} нет даты начала; оно пропущено.`,
  ical_bad_start: (p) => `У события ${event(p.event)} нечитаемое начало «${p.value}»; оно пропущено.`,
  ical_bad_end: (p) => `У события ${event(p.event)} нечитаемый конец «${p.value}»; использовано его начало.`,
  ical_too_long: (p) => `Событие ${event(p.event)} длится ${days(p.days)}; импортированы только первые ${p.first}.`,
  ical_time_of_day: (p) => `У события ${event(p.event)} указано время; весь день ${p.day} импортирован как праздник.`,
  ical_first_only: (p) => `Повторяющееся событие ${event(p.event)} импортировано только на первую дату.`,
  csv_unreadable: (p) => `Файл не читается как CSV начиная со строки ${p.line} (не осталась ли открытой кавычка?).`,
  webhook_target: (p) =>
    ({
      not_https: 'Используйте адрес https://.',
      private_address:
        'Этот адрес находится в частной, локальной (loopback) или link-local сети; используйте публичный.',
      unresolvable: 'Имя хоста этого адреса не удаётся найти.',
    })[p.reason] ?? 'На этот адрес нельзя отправлять вебхуки.',
};
