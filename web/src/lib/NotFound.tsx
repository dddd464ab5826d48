import { DeadEnd } from './blocks.tsx';
import { t } from './strings.ts';
import { usePageTitle } from './ui.tsx';

export default function NotFound() {
  usePageTitle(() => t.notFound.title);
  return (
    <DeadEnd
      title={t.notFound.title}
      text={t.notFound.text}
      link={{ href: '/', text: t.notFound.home }}
      more={[{ href: '/orders', text: t.waysBack.myOrders }]}
    />
  );
}
