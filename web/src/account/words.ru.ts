/**
 * Words of signing in and of the profile page, in Russian.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */

import type { accountWords as english } from './words.en.ts';

export const accountWords: typeof english = {
  signIn: {
    title: 'Вход',
    intro: 'Ordo выполняет вход через учётную запись вашей организации и затем возвращает вас сюда.',
    button: 'Войти',
    redirecting: 'Переходим ко входу…',
    signingIn: 'Выполняется вход…',
    signedOut: 'Вы вышли из системы.',
    failed: 'Войти не удалось. Повторите попытку.',
    refused: (reason) => `Служба входа отказала: ${reason}`,
    notAccepted: 'Ordo не принял этот вход. Повторите попытку, а если ошибка повторяется, обратитесь к администратору.',
    notConfigured: 'Вход в этот Ordo не настроен: в конфигурации не указан поставщик удостоверений.',
    draftsKept: 'Вы вышли из системы; введённый текст сохранён.',
  },
  profile: {
    title: 'Ваш профиль',
    name: 'Имя',
    email: 'Эл. почта',
    roles: 'Роли',
    employee: 'Сотрудник',
    agentOf: (code) => `Исполнитель в ${code}`,
    headOf: (code) => `Руководитель ${code}`,
    admin: 'Администратор',
    notificationsTitle: 'Уведомления по эл. почте',
    notificationsLegend: 'Присылать письмо, когда',
    notificationsIntro:
      'Снимите отметки с ненужного. Письма, требующие действий, — вопрос команды, согласование, риск нарушения норматива времени, опрос — приходят всегда.',
    events: {
      stage_changed: 'моя заявка переходит на следующий этап',
      order_closed: 'закрыта заявка, за которой я слежу',
      order_reopened: 'заказчик снова открыл заявку моей команды',
      new_in_queue: 'в очередь моей команды поступила новая заявка',
      customer_replied: 'заказчик ответил на вопрос моей команды',
      requester_commented: 'заказчик прокомментировал заявку, которой я занимаюсь',
      team_commented: 'команда прокомментировала мою заявку',
    },
    save: 'Сохранить уведомления',
    saved: 'Настройки уведомлений сохранены.',
    languageTitle: 'Язык',
    languageLabel: 'Язык Ordo',
    languageHint: 'Ordo показывает страницы на этом языке на всех устройствах, где вы входите.',
    languageSave: 'Сохранить язык',
    languageSaving: 'Меняем язык…',
    languageSaved: 'Язык сохранён.',
  },
};
