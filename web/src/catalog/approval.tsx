/**
 * A service's approval in the reader's words: on the service page ("Needs approval by the department
 * head when “Amount (EUR)” is above 10,000") and live on the order form, from the same decision the
 * API takes at filing (`lifecycle.approvalNeeded`).
 */
import { Show } from 'solid-js';
import { approvalNeeded } from '#shared/lifecycle.ts';
import type { Answers, ApprovalMode, Condition, FormField, ServiceTranslation } from '#shared/model.ts';
import { optionLabel } from '#shared/translate.ts';
import { t } from '../lib/strings.ts';

const numberWords = (n: number) => n.toLocaleString(t.locale);

/** A condition in words, with the (translated) label of the field it tests. */
export function conditionWords(rule: Condition, form: readonly FormField[], service?: ServiceTranslation): string {
  const label = form.find((f) => f.id === rule.field)?.label ?? rule.field;
  const words = t.service.condition;
  if (rule.equals) {
    const values = rule.equals.map((v) =>
      typeof v === 'number' ? numberWords(v) : typeof v === 'string' ? optionLabel(v, rule.field, service) : String(v),
    );
    return words.equals(label, values.join(words.or));
  }
  if (rule.above !== undefined && rule.below !== undefined) {
    return words.between(label, numberWords(rule.above), numberWords(rule.below));
  }
  return rule.above !== undefined
    ? words.above(label, numberWords(rule.above))
    : words.below(label, numberWords(rule.below ?? 0));
}

/** The approval fact of the service page. */
export function approvalWords(
  approval: ApprovalMode,
  form: readonly FormField[],
  service?: ServiceTranslation,
): string {
  if (approval.kind === 'none') return t.service.approvalNone;
  if (approval.when)
    return t.service.approvalWhen(t.service.approvalBy[approval.kind], conditionWords(approval.when, form, service));
  return approval.kind === 'head' ? t.service.approvalHead : t.service.approvalNamed;
}

/** On the order form: whether these answers will need approval, for a service whose approval has a condition. */
export function ApprovalNote(props: {
  approval: ApprovalMode;
  form: readonly FormField[];
  answers: Answers;
  words?: ServiceTranslation | undefined;
}) {
  const rule = () => (props.approval.kind === 'none' ? undefined : props.approval.when);
  return (
    <Show when={props.approval.kind !== 'none' && rule()}>
      {(when) => (
        <p class="hint approval-note" data-testid="approval-note" aria-live="polite">
          {approvalNeeded(props.approval, props.answers)
            ? t.service.approvalWillBe(t.service.approvalBy[props.approval.kind === 'named' ? 'named' : 'head'])
            : t.service.approvalWontBe(conditionWords(when(), props.form, props.words))}
        </p>
      )}
    </Show>
  );
}
