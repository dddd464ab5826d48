/** The period a process view covers, kept in the address (`?days=`), as every process view offers it. */
import { AddressSettings } from '../dashboard/parts.tsx';
import { firstValue } from '../dashboard/period.ts';
import { PERIODS } from './shared.ts';
import { tp } from './words.ts';

/** The chosen period in days from the address, 30 when it names none of PERIODS. */
export function chosenDays(value: string | string[] | undefined): string {
  const days = firstValue(value);
  return days !== undefined && PERIODS.includes(days) ? days : '30';
}

export function PeriodSettings(props: { view: string; days: string }) {
  return (
    <AddressSettings
      id={`${props.view}-controls`}
      title={tp.controls}
      values={{ days: props.days }}
      fields={[
        {
          key: 'days',
          id: `${props.view}-days`,
          label: tp.period,
          options: PERIODS.map((d) => ({ value: d, label: tp.periodDays(d) })),
        },
      ]}
    />
  );
}
