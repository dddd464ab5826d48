/**
 * Words of a department's catalog export and import page, in Russian.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */
import type { transferWords as english } from './words.en.ts';

export const transferWords: typeof english = {
  transfer: {
    link: 'Экспорт и импорт',
    title: (code) => `Экспорт и импорт каталога отдела ${code}`,
    intro:
      'Перенесите настройки и услуги отдела в другую среду или компанию одним файлом или начните с электронной таблицы.',
    headOnly: 'Экспортировать и импортировать каталог отдела может только его руководитель.',
    exportTitle: 'Экспорт',
    exportHint:
      'Файл содержит название отдела, контактный адрес, календарь и канву, а также все услуги (включая черновики и снятые) с идентификаторами упомянутых в них людей: владельца, согласующих и тех, кто получает уведомления о заказах. Руководитель, цели и показатели остаются здесь. Импорт в другом месте отклонит идентификаторы, которых там нет.',
    download: 'Скачать каталог (JSON)',
    downloaded: (name) => `Сохранено как ${name}.`,
    importTitle: 'Импорт',
    importHint:
      'Выберите файл каталога, экспортированный из Ordo (JSON), или список услуг (CSV) со столбцами name, summary, description, tags, owner (e-mail или идентификатор) и resolution (рабочие часы, например 16h, или рабочие дни, например 3d). Прежде чем что-либо будет записано, вы увидите, что изменится.',
    file: 'Файл каталога (JSON или CSV)',
    reading: 'Чтение файла…',
    notJson: 'Это не файл JSON. Выберите файл каталога, экспортированный из Ordo, или список услуг в CSV.',
    previewTitle: 'Что изменит импорт',
    problemsTitle: 'Ничего не будет импортировано, пока в файле не исправлено следующее:',
    department: 'Настройки отдела',
    caption: 'Услуги из файла в его порядке',
    service: 'Услуга',
    change: 'Изменение',
    fields: 'Что меняется',
    added: 'Добавлена как черновик',
    changed: 'Изменена',
    unchanged: 'Без изменений',
    counts: (added, changed, unchanged) => `Добавлено: ${added}. Изменено: ${changed}. Без изменений: ${unchanged}.`,
    fieldNames: {
      name: 'Название',
      summary: 'Краткое описание',
      description: 'Описание',
      tags: 'Теги',
      ownerId: 'Владелец',
      audience: 'Кто может заказывать',
      form: 'Форма',
      inputs: 'Что передаёт заказчик',
      deliverables: 'Что мы передаём',
      stages: 'Этапы',
      approval: 'Согласование',
      titleTemplate: 'Заголовок заказа',
      standard: 'Стандарт времени',
      scheduledStandard: 'Запланированный стандарт',
      survey: 'Опрос',
      reportTo: 'Кто получает уведомления о заказах',
      bundle: 'Пакет',
      translations: 'Переводы',
      retention: 'Хранение персональных данных',
      contactEmail: 'Контактный адрес',
      calendar: 'Рабочий календарь',
      canvas: 'Канва услуг',
    },
    apply: 'Применить импорт',
    applying: 'Импорт…',
    applied: 'Импортировано. Новые услуги — черновики: проверьте и опубликуйте их на странице услуг.',
  },
};
