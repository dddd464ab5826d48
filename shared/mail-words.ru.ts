/** Every word Ordo's emails say, in Russian; typed by the English ones (shared/mail-words.ts). */
import type { MailWords } from './mail-words.ts';

const rules = new Intl.PluralRules('ru');

/** "1 заявка", "2 заявки", "5 заявок" (Russian plurals: one / few / many). */
function russian(n: number, one: string, few: string, many: string): string {
  const rule = rules.select(n);
  return `${n} ${rule === 'one' ? one : rule === 'few' ? few : many}`;
}

export const ru: MailWords = {
  locale: 'ru-RU',
  quote: (text) => `«${text}»`,
  events: {
    order_received: {
      subject: (ref) => `Ваша заявка ${ref} принята`,
      lead: (o) =>
        `Ваша заявка на услугу «${o.serviceName}» зарегистрирована под номером ${o.number}. Следить за ней можно в Ordo.`,
    },
    new_in_queue: {
      subject: (ref) => `Новая заявка в очереди: ${ref}`,
      lead: (o) => `Новая заявка на услугу «${o.serviceName}». Заказчик: ${o.requesterName}.`,
    },
    approval_needed: {
      subject: (ref) => `Требуется согласование: ${ref}`,
      lead: (o) => `Заявка на услугу «${o.serviceName}» ждёт вашего согласования. Заказчик: ${o.requesterName}.`,
    },
    assigned: {
      subject: (ref) => `Вам назначена заявка: ${ref}`,
      lead: (o) => `Заявка ${o.number} назначена вам.`,
    },
    clarification_requested: {
      subject: (ref) => `Нужна информация от вас: ${ref}`,
      lead: () => 'Команда задала вопрос, без ответа на который не может продолжить работу. Ответьте на него в Ordo.',
    },
    requester_asked: {
      subject: (ref) => `Вопрос заказчику: ${ref}`,
      lead: (o) =>
        `Вы наблюдаете за этой заявкой. Команда задала заказчику (${o.requesterName}) вопрос, без ответа на который не может продолжить работу; отвечает заказчик.`,
    },
    customer_replied: {
      subject: (ref) => `Ответ заказчика: ${ref}`,
      lead: (o) => `Заказчик (${o.requesterName}) ответил на ваш вопрос.`,
    },
    order_resolved: {
      subject: (ref) => `Выполнено: ${ref}`,
      lead: () =>
        'Команда выполнила вашу заявку. Проверьте, что передано, и подтвердите выполнение или откройте заявку снова, если чего-то не хватает.',
    },
    order_rejected: {
      subject: (ref) => `Отклонено: ${ref}`,
      lead: () => 'Команда не смогла принять эту заявку.',
    },
    order_cancelled: {
      subject: (ref) => `Отменено: ${ref}`,
      lead: () => 'Заявка отменена.',
    },
    requester_cancelled: {
      subject: (ref) => `Отменено заказчиком: ${ref}`,
      lead: (o) => `Заказчик (${o.requesterName}) отменил заявку. Прекратите работу над ней.`,
    },
    requester_commented: {
      subject: (ref) => `Новый комментарий: ${ref}`,
      lead: (o) => `Заказчик (${o.requesterName}) прокомментировал заявку:`,
    },
    team_commented: {
      subject: (ref) => `Сообщение от команды: ${ref}`,
      lead: (o) => `Команда прокомментировала заявку ${o.number}:`,
    },
    order_closed: {
      subject: (ref) => `Закрыто: ${ref}`,
      lead: () => 'Заявка закрыта. Спасибо.',
    },
    order_reopened: {
      subject: (ref) => `Открыто снова: ${ref}`,
      lead: (o) => `Заказчик (${o.requesterName}) снова открыл заявку. Чего не хватает или что не так:`,
    },
    inputs_missing: {
      subject: (ref) => `Передайте недостающее: ${ref}`,
      lead: (o) => `Работа начнётся, когда вы передадите: ${o.missing}.`,
    },
    inputs_returned: {
      subject: (ref) => `Доработайте переданные материалы: ${ref}`,
      lead: (o) => `Команда вернула часть материалов как неполные. Ещё не хватает: ${o.missing}.`,
    },
    stage_changed: {
      subject: (ref) => `Следующий этап: ${ref}`,
      lead: () => 'Ваша заявка перешла на следующий этап.',
    },
    sla_warning: {
      subject: (ref) => `Срок под угрозой: ${ref}`,
      lead: (o) => `Заявка ${o.number} близка к нарушению норматива времени.`,
    },
    sla_breach: {
      subject: (ref) => `Норматив времени нарушен: ${ref}`,
      lead: (o) => `Заявка ${o.number} нарушила норматив времени.`,
    },
    survey_invitation: {
      subject: (ref) => `Как мы справились? ${ref}`,
      lead: () => 'Ваша заявка выполнена. Одним щелчком сообщите команде, насколько вы довольны:',
    },
    low_rating: {
      subject: (ref) => `Низкая оценка: ${ref}`,
      lead: (o) => `Заказчик (${o.requesterName}) поставил заявке низкую оценку. Для вас открыт разбор.`,
    },
    daily_digest: {
      subject: (ref) => `Сводка дня: ${ref}`,
      lead: () => 'Ваша ежедневная сводка.',
    },
  },
  answerHere: (url) => `Ответить здесь: ${url}`,
  answerButton: 'Ответить на вопрос',
  openOrderText: (url) => `Открыть заявку: ${url}`,
  openOrderLink: (number) => `Открыть заявку ${number}`,
  handedBack: 'Что передано:',
  attached: (file) => `вложение: ${file}`,
  signature: '— Ordo',
  ratings: ['совсем не доволен', 'не доволен', 'нейтрально', 'доволен', 'очень доволен'],
  escalation: (clock, missed, due) => {
    const standard = clock === 'firstResponse' ? 'Норматив первого ответа' : 'Норматив выполнения';
    return due ? `${standard} — ${missed ? 'срок истёк' : 'срок'}: ${due}` : standard;
  },
  digest: {
    subject: (code, day, late, open) =>
      `Сводка дня ${code}, ${day}: под угрозой или просрочено — ${late}, открыто — ${open}`,
    greeting: 'Доброе утро.',
    summary: (code, open, late) =>
      `${code}: ${russian(open, 'открытая заявка', 'открытые заявки', 'открытых заявок')}, ${
        late === 0 ? 'ни одна не под угрозой и не просрочена' : `из них под угрозой или просрочено: ${late}`
      }.`,
    state: { breached: 'просрочено', at_risk: 'под угрозой' },
    dashboardText: (url) => `Панель: ${url}`,
    dashboardLink: 'Открыть панель отдела',
  },
};
