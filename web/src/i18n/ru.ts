/**
 * The portal's words in Russian. Typed `Strings`, so a key missing here (or one too many) fails the
 * typecheck. Counted nouns take Russian plural forms (one / few / many, and the genitive singular
 * for fractions: "1,5 часа").
 */
import type { DueWords } from '#shared/due-words.ts';
import { russianRefusals } from '#shared/refusal-words.ru.ts';
import { accountWords } from '../account/words.ru.ts';
import { adminWords } from '../admin/words.ru.ts';
import { catalogWords } from '../catalog/words.ru.ts';
import { dashboardWords } from '../dashboard/words.ru.ts';
import { editorWords } from '../editor/words.ru.ts';
import { inboundWords } from '../inbound/words.ru.ts';
import { integrationWords } from '../integrations/words.ru.ts';
import { noteWords } from '../notes/words.ru.ts';
import { orderWords } from '../order/words.ru.ts';
import { queueWords } from '../queue/words.ru.ts';
import { setupWords } from '../setup/words.ru.ts';
import { surveyWords } from '../survey/words.ru.ts';
import { transferWords } from '../transfer/words.ru.ts';
import type { Strings } from './en.ts';
import { form, num, orList, plural } from './ru-grammar.ts';

const due: DueWords = {
  minutes: (n) => `${n} мин`,
  hours: (n) => `${n} ч`,
  days: (n) => `${n} ${form(n, 'день', 'дня', 'дней')}`,
  workingDays: (n) => `${n} ${form(n, 'рабочий день', 'рабочих дня', 'рабочих дней')}`,
  due: (when, left) => `срок: ${when}, осталось рабочего времени: ${left}`,
  overdueBy: (duration) => `просрочено на ${duration} рабочего времени`,
  overdueSince: (when) => `просрочено с ${when}`,
};

export const ru: Strings = {
  appName: 'Ordo',
  locale: 'ru-RU',
  status: {
    submitted: 'подана',
    awaiting_approval: 'ждёт согласования',
    awaiting_inputs: 'ждёт материалов',
    open: 'открыта',
    in_progress: 'в работе',
    waiting_for_customer: 'ждёт ответа заказчика',
    resolved: 'выполнена',
    closed: 'закрыта',
    cancelled: 'отменена',
    rejected: 'отклонена',
  },
  due,
  refusals: russianRefusals,
  languageNames: { en: 'English', pl: 'Polski', ru: 'Русский', nl: 'Nederlands', zh: '简体中文' },
  common: {
    loading: 'Загрузка…',
    loadMore: 'Показать ещё',
    loadingMore: 'Загружаем ещё…',
    required: 'обязательно',
    optional: 'необязательно',
    none: '—',
    yes: 'Да',
    no: 'Нет',
    nobody: 'Пока никого',
    send: 'Отправить',
    neverMind: 'Отмена',
    retry: 'Повторить',
    requiredNote: 'Поля, отмеченные *, обязательны.',
    save: 'Сохранить',
    saving: 'Сохранение…',
    add: 'Добавить',
    remove: 'Удалить',
    removeItem: (what) => `Удалить: ${what}`,
    moveUp: (what) => `Переместить вверх: ${what}`,
    moveDown: (what) => `Переместить вниз: ${what}`,
    fixBelow: 'Сначала исправьте следующее:',
    unsaved: 'Есть несохранённые изменения.',
    leaveUnsaved: 'Есть несохранённые изменения. Всё равно покинуть страницу?',
  },
  nav: {
    label: 'Главное меню',
    skip: 'Перейти к содержимому',
    catalog: 'Каталог',
    myOrders: 'Мои заявки',
    queue: (code) => `Очередь ${code}`,
    dashboard: (code) => `Панель ${code}`,
    myNumbers: (code) => `Мои показатели ${code}`,
    profile: 'Профиль',
    signedInAs: 'Вы вошли как',
    signOut: 'Выйти',
    admin: 'Администрирование',
  },
  errors: {
    network: 'Сейчас нет связи с Ordo. Проверьте подключение и повторите попытку.',
    unexpected: 'На нашей стороне что-то пошло не так. Повторите попытку.',
    badRequest: 'Часть сведений указана неверно.',
    unauthorized: 'Сеанс завершён. Войдите снова.',
    forbidden: 'У вас нет доступа к этому разделу.',
    notFound: 'Не удалось найти страницу. Возможно, она удалена или ссылка неверна.',
    conflict: 'Кто-то другой изменил это одновременно с вами.',
    rule: 'Сейчас это действие недоступно.',
    tooMany: 'Слишком много запросов. Подождите немного и повторите попытку.',
    checkValue: 'Проверьте это значение.',
  },
  serviceStatus: {
    draft: 'Черновик',
    published: 'Опубликована',
    retired: 'Выведена из работы',
  },
  standard: {
    // Nominative after a colon: "в течение" would need each duration in the genitive.
    words: (firstResponse, resolution) => `время ответа: ${firstResponse}, время выполнения: ${resolution}`,
  },
  duration: {
    minutes: (n) => plural(n, 'минута', 'минуты', 'минут', 'минуты'),
    hours: (n, working) =>
      working
        ? plural(n, 'рабочий час', 'рабочих часа', 'рабочих часов', 'рабочего часа')
        : plural(n, 'час', 'часа', 'часов', 'часа'),
    days: (n, working) =>
      working
        ? plural(n, 'рабочий день', 'рабочих дня', 'рабочих дней', 'рабочего дня')
        : plural(n, 'день', 'дня', 'дней', 'дня'),
  },
  upload: {
    limits: (types, size) => `${types}, не больше ${size}.`,
    uploading: (name, percent) => `Загрузка ${name}: ${percent} %`,
    uploaded: (name, size) => `Загружен файл ${name} (${size}).`,
    kept: 'Файл уже прикреплён. Чтобы заменить его, выберите другой.',
    removeFile: (name) => `Удалить ${name}`,
    failed: 'Не удалось загрузить файл. Повторите попытку.',
    expired: 'Загрузка заняла слишком много времени. Выберите файл ещё раз.',
    empty: 'Файл пуст.',
    badName: 'Такое имя файла использовать нельзя. Переименуйте файл и повторите попытку.',
    tooBig: (max) => `Файл слишком большой. Допустимый размер — не больше ${max}.`,
    wrongType: (types) => `Файлы этого типа не принимаются. Допустимо: ${types}.`,
    typeNames: {
      'application/pdf': 'PDF',
      'image/png': 'PNG',
      'image/jpeg': 'JPEG',
      'text/plain': 'текстовый файл',
      'text/csv': 'CSV',
      'application/zip': 'ZIP',
    },
    orList,
    bytes: (n) => plural(n, 'байт', 'байта', 'байт', 'байта'),
    kilobytes: (n) => `${num(n)} КБ`,
    megabytes: (n) => `${num(n)} МБ`,
    download: (name) => `Открыть ${name}`,
    newTab: '(откроется в новой вкладке)',
    opening: 'Открываем…',
    preview: (name) => `Выбран файл ${name} (в режиме предпросмотра не загружается).`,
  },
  priority: {
    low: 'Низкий',
    normal: 'Обычный',
    high: 'Высокий',
    urgent: 'Срочный',
  },
  sla: {
    title: 'Нормативы времени',
    states: {
      running: 'В срок',
      warning: 'Под угрозой',
      breached: 'Просрочено',
      paused: 'Приостановлено',
      met: 'Соблюдено',
    },
    missed: 'Не соблюдено',
    clocks: { first_response: 'Первый ответ', resolution: 'Выполнение' },
    metAt: (when, used) => `соблюдено ${when}; использовано рабочего времени: ${used}`,
    missedAt: (when, used) => `не соблюдено: остановлено ${when}; использовано рабочего времени: ${used}`,
    pausedLeft: (since, left) => `приостановлено с ${since}; осталось рабочего времени: ${left}`,
    pausedShort: (left) => `приостановлено; осталось рабочего времени: ${left}`,
    dueAt: (when) => `срок: ${when}`,
    noDue: 'срок пока не определён',
    noStandard: 'без норматива времени',
    allMet: 'нормативы времени соблюдены',
    target: 'Норматив',
    used: 'Использовано рабочего времени',
    paused: 'Пауза (не учитывается)',
    version: 'Версия норматива',
    versionNumber: (n) => `v${n}`,
    autoClose: 'Закроется автоматически',
    autoCloseWords: (when) => `${when}, если до этого вы не подтвердите выполнение и не откроете заявку снова`,
  },
  search: {
    label: 'Поиск заявок',
    hintMine: 'Номер заявки или слова из названия, ваших ответов или имени. Слова можно не дописывать.',
    hintDepartment: (code: string) =>
      `Номер заявки (или только его цифры) либо слова из названия, ответов или имени заявителя: все заявки ${code}, открытые и завершённые.`,
    searching: 'Поиск…',
    found: (n: number, more: boolean) =>
      n === 0
        ? more
          ? 'Среди самых новых заявок нет подходящих под все слова; поиск на этом остановился. Добавьте или измените слова, чтобы сузить его.'
          : 'Подходящих заявок нет.'
        : `Найдено заявок: ${num(n)}${more ? ' (показаны самые новые; добавьте слова, чтобы сузить поиск)' : ''}.`,
    caption: 'Найденные заявки, сначала новые',
  },
  notFound: {
    title: 'Страница не найдена',
    text: 'По этому адресу ничего нет.',
    home: 'Перейти в каталог',
  },
  ...Object.assign({}, accountWords, catalogWords, orderWords),
  ...Object.assign({}, surveyWords, queueWords, dashboardWords),
  ...Object.assign({}, editorWords, adminWords, integrationWords),
  ...noteWords,
  ...inboundWords,
  ...transferWords,
  ...setupWords,
};
