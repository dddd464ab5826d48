/**
 * Words of the catalog, a department's page, a service and its order form, in Russian.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */

import { form as nounForm, plural } from '../i18n/ru-grammar.ts';
import type { catalogWords as english } from './words.en.ts';

const days = (n: number) => plural(n, 'день', 'дня', 'дней', 'дня');

export const catalogWords: typeof english = {
  catalog: {
    title: 'Каталог услуг',
    intro: 'Что делают для вас подразделения бэк-офиса и в какие сроки они это обещают.',
    search: 'Поиск услуг',
    searchHint: 'Ищите по названию, описанию или тегу.',
    count: (n) => `${n} ${nounForm(n, 'услуга', 'услуги', 'услуг')}`,
    noMatch: (q) => `Нет услуг, соответствующих запросу «${q}».`,
    empty: 'Опубликованных услуг пока нет.',
    aboutDepartment: (name) => `Об отделе: ${name}`,
    tags: 'Теги',
    departmentsTitle: 'Отделы',
    departmentsIntro: 'Кто чем занимается, как подать заявку и как работает каждый отдел.',
    departmentLink: (name, code) => `${name} (${code})`,
  },
  department: {
    contact: 'Контакты',
    edit: 'Изменить отдел',
    manageServices: 'Управление услугами',
    editTitle: 'Изменение отдела',
    name: 'Название',
    contactEmail: 'Контактный адрес эл. почты',
    headLabel: 'Руководитель отдела',
    headHint: 'Выбирается из сотрудников отдела.',
    canvasEdit: 'Описание работы',
    canvasHint: 'Расскажите сотрудникам, для чего нужен отдел. Переносы строк сохраняются.',
    saved: 'Отдел сохранён.',
    conflict: 'Тем временем кто-то другой сохранил этот отдел.',
    loadTheirs: 'Загрузить их версию',
    keepMine: 'Оставить мои изменения и сохранить поверх',
    membersError: 'Не удалось загрузить список сотрудников; введите идентификатор пользователя руководителя.',
    headId: 'Руководитель (идентификатор пользователя)',
    services: 'Услуги',
    noServices: 'Этот отдел пока не опубликовал ни одной услуги.',
    canvasTitle: 'Как работает этот отдел',
    canvas: {
      value: 'Какую ценность мы создаём',
      customerSegments: 'Кого мы обслуживаем',
      howToOrder: 'Как подать заявку и как мы сообщаем о статусе',
      channels: 'Каналы',
      keyProcesses: 'Ключевые процессы',
      qualityChecks: 'Как мы проверяем качество',
      standardsAndMetrics: 'Нормативы и показатели',
      resources: 'Ресурсы',
      partners: 'Партнёры',
    },
  },
  service: {
    department: 'Отдел',
    owner: 'Владелец процесса',
    standard: 'Наше обещание',
    approval: 'Согласование',
    approvalNone: 'Согласование не требуется',
    approvalHead: 'Руководитель отдела согласует заявку до начала работы',
    approvalNamed: 'Назначенные согласующие согласуют заявку до начала работы',
    approvalBy: { head: 'руководителем отдела', named: 'назначенными согласующими' },
    approvalWhen: (who, when) =>
      `Требуется согласование ${who}, если ${when}; остальные заявки сразу поступают команде`,
    condition: {
      equals: (label, values) => `«${label}» — ${values}`,
      above: (label, n) => `«${label}» больше ${n}`,
      below: (label, n) => `«${label}» меньше ${n}`,
      between: (label, low, high) => `«${label}» больше ${low} и меньше ${high}`,
      or: ' или ',
    },
    approvalWillBe: (who) => `Эту заявку до начала работы нужно будет согласовать ${who}.`,
    approvalWontBe: (when) => `Для этой заявки согласование не требуется (оно нужно, если ${when}).`,
    inputsTitle: 'Что вы передаёте',
    inputsEmpty: 'Ничего, кроме формы.',
    deliverablesTitle: 'Что вы получите',
    deliverablesEmpty: 'Для этой услуги нет контрольного списка.',
    stagesTitle: 'Как идёт работа',
    stageTarget: (words) => `цель: ${words}`,
    inputKind: {
      attachment: 'файл',
      confirmation: 'подтверждение',
      formField: 'ответ в форме',
    },
    orderTitle: 'Заказать эту услугу',
    promiseLabel: 'Если подать заявку сейчас',
    promise: (when) => `Если подать заявку сейчас: будет выполнено к ${when}`,
    doneBy: (when) => `выполнено к ${when}`,
    notOrderable: 'Эта услуга сейчас не принимает заявки.',
  },
  form: {
    priority: 'Приоритет',
    onBehalf: 'От имени коллеги',
    onBehalfHint: 'Оставьте пустым, если заявка для вас. Иначе введите имя или адрес эл. почты коллеги и выберите его.',
    choose: 'Выберите…',
    submit: 'Подать заявку',
    submitting: 'Отправка…',
    fixErrors: 'Исправьте поля, отмеченные ниже.',
    kindHint: {
      user: 'Введите имя или адрес эл. почты сотрудника и выберите его из списка.',
    },
    dateRules: {
      after: (label, n) =>
        n === 0
          ? `Не раньше, чем «${label}».`
          : n === 1
            ? `Позже, чем «${label}».`
            : `Не менее чем через ${days(n)} после «${label}».`,
      before: (label, n) =>
        n === 0
          ? `Не позже, чем «${label}».`
          : n === 1
            ? `Раньше, чем «${label}».`
            : `Не менее чем за ${days(n)} до «${label}».`,
      notPast: 'Не в прошлом.',
      within: (n) => `С сегодняшнего дня и не позже чем через ${days(n)}.`,
    },
    handOverTitle: 'Передать сейчас',
    handOverIntro:
      'Передайте это вместе с заявкой, и она сразу попадёт в очередь команды. Передать можно и позже, на странице заявки.',
    confirmInput: (label) => `Подтверждаю: ${label}`,
    inputNote: (label) => `Примечание к «${label}»`,
    inputFile: (label) => `Файл для «${label}»`,
    waitUploads: 'Дождитесь окончания загрузки файлов.',
    previewTitle: 'Предпросмотр формы заявки',
    previewNote: 'Так форму увидят заказчики. Из предпросмотра ничего не отправляется.',
    previewChecked: 'Ответы проходят проверки формы. В настоящей форме заявка была бы сейчас отправлена.',
    previewEmpty: 'В форме пока нет полей. Добавьте поля слева, чтобы увидеть их здесь.',
  },
  workingHours: {
    title: 'Часы работы',
    always: 'Круглосуточно, каждый день: нормативы времени учитывают каждый час.',
    zone: (zone) =>
      `Время указано в поясе ${zone}. Нормативы времени и обещанные сроки учитывают только эти часы, без праздников.`,
  },
  waysBack: { label: 'Куда вернуться', catalog: 'Перейти в каталог', myOrders: 'Перейти к моим заявкам' },
  people: {
    placeholder: 'Введите имя или адрес эл. почты',
    hint: 'Введите часть имени или адреса эл. почты, затем выберите человека из списка.',
    searching: 'Поиск…',
    found: (n) =>
      n === 0
        ? 'Никого не найдено.'
        : `${nounForm(n, 'Найден', 'Найдено', 'Найдено')} ${plural(n, 'человек', 'человека', 'человек')}; выберите стрелками.`,
    none: (q) => `По запросу «${q}» никого не найдено. Попробуйте имя, фамилию или адрес эл. почты.`,
    failed: 'Сейчас не удалось выполнить поиск людей. Повторите попытку чуть позже.',
    chosen: (name, email, department) => `Выбран: ${name}, ${email}${department ? `, ${department}` : ''}`,
    notChosen: 'Выберите человека из списка.',
    clear: (name) => `Убрать ${name}`,
    add: 'Добавить',
    addTo: (what) => `Добавить человека в «${what}»`,
    unknown: (id) => `Пользователь ${id}`,
  },
};
