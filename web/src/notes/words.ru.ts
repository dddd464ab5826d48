/**
 * Words of the notifications in the header (the bell), in Russian.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */
import { plural } from '../i18n/ru-grammar.ts';
import type { noteWords as english } from './words.en.ts';

export const noteWords: typeof english = {
  notes: {
    bell: (unread) =>
      unread === 0
        ? 'Уведомления, непрочитанных нет'
        : unread >= 100
          ? 'Уведомления, непрочитанных больше 99'
          : `Уведомления, ${plural(unread, 'непрочитанное', 'непрочитанных', 'непрочитанных')}`,
    title: 'Уведомления',
    markAll: 'Отметить все как прочитанные',
    empty: 'Пока ничего нового. Здесь появятся изменения по вашим заявкам.',
    unread: 'Не прочитано',
    older: 'Показать более ранние',
    close: 'Закрыть уведомления',
    kept: 'Уведомления хранятся 90 дней.',
    someone: 'Заказчик',
    event: {
      order_received: (f) => `Мы получили вашу заявку ${f.number}`,
      new_in_queue: (f) => `Новая заявка ${f.number} в очереди, от: ${f.name}`,
      approval_needed: (f) => `Заявка ${f.number} (${f.name}) ждёт вашего согласования`,
      assigned: (f) => `Заявка ${f.number} назначена вам`,
      clarification_requested: (f) => `У команды есть вопрос к вам по заявке ${f.number}`,
      requester_asked: (f) => `Команда задала вопрос по заявке ${f.number}; отвечает ${f.name}`,
      customer_replied: (f) => `${f.name}: ответ на ваш вопрос по заявке ${f.number}`,
      order_resolved: (f) => `Заявка ${f.number} выполнена: проверьте, что передано`,
      order_rejected: (f) => `Заявка ${f.number} не принята`,
      order_cancelled: (f) => `Заявка ${f.number} отменена`,
      requester_cancelled: (f) => `Заявка ${f.number} отменена заказчиком (${f.name})`,
      requester_commented: (f) => `Новый комментарий заказчика (${f.name}) к заявке ${f.number}`,
      team_commented: (f) => `Команда прокомментировала заявку ${f.number}`,
      order_closed: (f) => `Заявка ${f.number} закрыта`,
      order_reopened: (f) => `Заявка ${f.number} снова открыта заказчиком (${f.name})`,
      inputs_missing: (f) => `Передайте, чего ещё не хватает для заявки ${f.number}`,
      inputs_returned: (f) => `Доработайте переданные материалы по заявке ${f.number}`,
      stage_changed: (f) => `Заявка ${f.number} перешла на следующий этап`,
      sla_warning: (f) => `Заявка ${f.number} может не уложиться в стандарт времени`,
      sla_breach: (f) => `Заявка ${f.number} не уложилась в стандарт времени`,
      survey_invitation: (f) => `Оцените выполнение заявки ${f.number}`,
      low_rating: (f) => `Низкая оценка заявки ${f.number} (${f.name}): для вас открыта задача по разбору`,
      daily_digest: () => 'Ваша ежедневная сводка',
    },
  },
};
