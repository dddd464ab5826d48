/**
 * Words of a department's integrations (API tokens, webhooks), in Russian.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */

import { plural } from '../i18n/ru-grammar.ts';
import type { integrationWords as english } from './words.en.ts';

export const integrationWords: typeof english = {
  integrations: {
    link: 'Интеграции',
    title: (code) => `Интеграции ${code}`,
    intro:
      'Позвольте другим системам подавать и читать заявки вашего отдела с помощью API-токена, а вебхуки сообщат им, что происходит.',
    headOnly: 'Интеграциями отдела управляет только его руководитель.',
    copy: 'Копировать',
    copied: 'Скопировано',
    shownOnce: 'Скопируйте сейчас: значение показывается только один раз, увидеть его снова будет нельзя.',
    tokens: {
      title: 'API-токены',
      intro:
        'Токен позволяет служебной учётной записи (например, вашей кадровой системе) обращаться к API от своего имени — только в пределах своих разрешений и пока срок его действия не истёк или вы его не отозвали.',
      empty: 'Токенов пока нет.',
      caption: 'API-токены отдела, самые старые — первыми.',
      name: 'Название',
      scopes: 'Разрешения',
      services: 'Услуги, по которым можно подавать заявки',
      expires: 'Действует до',
      lastUsed: 'Последнее использование',
      state: 'Состояние',
      never: 'Никогда',
      stateWords: { active: 'Активен', expired: 'Истёк', revoked: 'Отозван' },
      scopeWords: {
        'orders:file': 'Подавать заявки (на услуги, выбранные ниже)',
        'orders:read': 'Читать заявки отдела',
      },
      revoke: 'Отозвать',
      revokeLabel: (name) => `Отозвать токен «${name}»`,
      revoked: (name) => `Токен «${name}» отозван; его следующий запрос будет отклонён.`,
      new: 'Новый токен',
      nameHint: 'Кто им пользуется, например «Кадровая система». Заявки, поданные с ним, упоминают его в истории.',
      expiresHint: 'Не дольше года с сегодняшнего дня.',
      create: 'Создать токен',
      creating: 'Создание…',
      secret: (name) => `Секрет токена «${name}»`,
      count: (n) => plural(n, 'токен', 'токена', 'токенов'),
    },
    webhooks: {
      title: 'Вебхуки',
      intro:
        'Ordo отправляет выбранные события на HTTPS-адрес с подписью по схеме Standard Webhooks, по порядку для каждой заявки, и повторяет попытку при сбое. После 10 сбоев подряд (или суток сбоев) вебхук приостанавливается, и вы получаете письмо.',
      empty: 'Вебхуков пока нет.',
      caption: 'Подписки отдела на вебхуки.',
      url: 'Адрес (HTTPS)',
      events: 'События',
      status: 'Статус',
      lastDelivery: 'Последняя доставка',
      statusWords: { active: 'Активен', paused: 'Приостановлен' },
      pausedFailing: 'Приостановлен из-за сбоев',
      failures: (n) => `${plural(n, 'сбой', 'сбоя', 'сбоев')} подряд`,
      eventWords: {
        'order.filed': 'Заявка подана',
        'order.status_changed': 'Статус изменён',
        'order.sla_warning': 'Предупреждение о нормативе времени',
        'order.sla_breach': 'Норматив времени нарушен',
        'order.resolved': 'Выполнена',
        'order.rated': 'Оценена',
      },
      pause: 'Приостановить',
      resume: 'Возобновить',
      remove: 'Удалить',
      removeLabel: (url) => `Удалить вебхук для ${url}`,
      test: 'Отправить тестовое событие',
      tested: 'Тестовое событие отправлено; смотрите журнал доставки.',
      log: 'Журнал доставки',
      hideLog: 'Скрыть журнал',
      logCaption: 'Последние 50 попыток доставки, самые новые — первыми.',
      logEmpty: 'Пока ничего не доставлено.',
      at: 'Когда',
      event: 'Событие',
      attempt: 'Попытка',
      answer: 'Ответ',
      duration: 'Время',
      ms: (n) => `${n} мс`,
      noAnswer: 'Нет ответа',
      new: 'Новый вебхук',
      urlHint: 'Адреса в частных, локальных (loopback) и link-local сетях не принимаются.',
      create: 'Подписаться',
      creating: 'Подписка…',
      secret: 'Секрет для подписи',
      secretHint: 'С его помощью ваш получатель проверяет подпись каждого запроса (заголовок webhook-signature).',
    },
  },
};
